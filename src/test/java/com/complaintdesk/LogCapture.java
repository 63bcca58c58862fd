package com.complaintdesk;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Raises the named loggers to the given levels and collects every line logged meanwhile, message and stack
 * trace, as text; the console is spared the flood and gets it back on {@link #close()} with the old levels.
 */
public final class LogCapture implements AutoCloseable {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
  private final Map<String, Level> levelsBefore = new HashMap<>();
  private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
  private final AppenderBase<ILoggingEvent> collector;

  public LogCapture(Map<String, Level> levels) {
    var layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("%level [%thread] %logger: %msg%n%ex");
    layout.start();
    collector = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        lines.add(layout.doLayout(event));
      }
    };
    collector.setContext(context);
    collector.start();
    root.iteratorForAppenders().forEachRemaining(detached::add);
    detached.forEach(root::detachAppender);
    root.addAppender(collector);
    levels.forEach((name, level) -> {
      Logger logger = context.getLogger(name);
      levelsBefore.put(name, logger.getLevel());
      logger.setLevel(level);
    });
  }

  /** The lines logged so far that contain any of the values. */
  public List<String> linesContainingAny(String... values) {
    return lines.stream().filter(line -> List.of(values).stream().anyMatch(line::contains)).toList();
  }

  /** Whether anything was logged that contains the value. */
  public boolean contains(String value) {
    return !linesContainingAny(value).isEmpty();
  }

  @Override
  public void close() {
    levelsBefore.forEach((name, level) -> context.getLogger(name).setLevel(level));
    root.detachAppender(collector);
    collector.stop();
    detached.forEach(root::addAppender);
  }
}
