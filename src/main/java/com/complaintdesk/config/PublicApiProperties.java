package com.complaintdesk.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body the JSON API ({@code /api/**}) reads; larger ones get 413
 * @param rateLimitPerMinute requests one client address may make to {@code /api/complaints/**} per minute
 *     before it gets 429; 0 turns the limit off
 */
@ConfigurationProperties("complaint-desk.public-api")
public record PublicApiProperties(
    @DefaultValue("64KB") DataSize maxBodySize,
    @DefaultValue("60") int rateLimitPerMinute) {

  public PublicApiProperties {
    if (maxBodySize.toBytes() <= 0) {
      throw new IllegalArgumentException(
          "complaint-desk.public-api.max-body-size must be positive, was " + maxBodySize);
    }
    if (rateLimitPerMinute < 0) {
      throw new IllegalArgumentException(
          "complaint-desk.public-api.rate-limit-per-minute must be 0 (off) or more, was " + rateLimitPerMinute);
    }
  }

  public boolean rateLimited() {
    return rateLimitPerMinute > 0;
  }
}
