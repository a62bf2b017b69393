package gov.supervision.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The lines the named loggers write while open, with the MDC each line was written with. */
public final class LogLines implements AutoCloseable {

  private final List<Logger> loggers;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogLines(String... names) {
    appender.start();
    loggers = Arrays.stream(names).map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
    loggers.forEach(logger -> logger.addAppender(appender));
  }

  /** Starts capturing what the loggers named after {@code sources} write. */
  public static LogLines of(Class<?>... sources) {
    return new LogLines(Arrays.stream(sources).map(Class::getName).toArray(String[]::new));
  }

  /** Starts capturing what the loggers of these names write. */
  public static LogLines named(String... names) {
    return new LogLines(names);
  }

  /** Every line captured so far. */
  public List<ILoggingEvent> lines() {
    synchronized (appender) { // AppenderBase appends under the same lock
      return List.copyOf(appender.list);
    }
  }

  /** The lines of the logger named {@code name}. */
  public List<ILoggingEvent> of(String name) {
    return lines().stream().filter(e -> e.getLoggerName().equals(name)).toList();
  }

  @Override
  public void close() {
    loggers.forEach(logger -> logger.detachAppender(appender));
    appender.stop();
  }
}
