package com.complaintdesk.config;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;

/**
 * A request body that a filter has already read (to check it), handed on to be read once more, synchronously,
 * by whatever comes after the filter.
 */
public final class BufferedBodyStream extends ServletInputStream {

  private final ByteArrayInputStream bytes;

  public BufferedBodyStream(byte[] body) {
    this.bytes = new ByteArrayInputStream(body);
  }

  @Override
  public int read() {
    return bytes.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    return bytes.read(buffer, offset, length);
  }

  @Override
  public boolean isFinished() {
    return bytes.available() == 0;
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void setReadListener(ReadListener listener) {
    throw new UnsupportedOperationException("The body was already read by a filter; read it synchronously");
  }
}
