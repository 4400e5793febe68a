package io.paymentnotifier.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what a logger writes, and renders events with the production logback.xml layouts. */
final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture(final String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  List<ILoggingEvent> events() {
    return appender.list;
  }

  /** The event as the production logback.xml writes it in the given layout. */
  static String render(final ILoggingEvent event, final String format) {
    final LoggerContext context = new LoggerContext();
    try {
      LogFormat.configure(context, format);
      @SuppressWarnings("unchecked")
      final OutputStreamAppender<ILoggingEvent> console =
          (OutputStreamAppender<ILoggingEvent>)
              context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(format);
      final Encoder<ILoggingEvent> encoder = console.getEncoder();
      return new String(encoder.encode(event), StandardCharsets.UTF_8);
    } finally {
      context.stop();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
