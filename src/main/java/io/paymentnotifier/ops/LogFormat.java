package io.paymentnotifier.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Switches the log layout (text or json) once the configuration is read. At start, logback.xml
 * already follows {@code -Dlog.format} or {@code NOTIFIER_LOG_FORMAT}; a {@code log.format} in the
 * config file only becomes known later, so the service reconfigures logback with it.
 */
public final class LogFormat {

  /** The logback variable logback.xml selects its appender by. */
  public static final String PROPERTY = "log.format";

  public static final String TEXT = "text";
  public static final String JSON = "json";

  private static final String CONFIG_RESOURCE = "/logback.xml";

  private LogFormat() {}

  /** Reconfigures the running logback with the given layout; a no-op under another binding. */
  public static void apply(final String format) {
    final ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      final String current = context.getProperty(PROPERTY);
      if (!format.equals(current)) {
        configure(context, format);
      }
    }
  }

  /** Loads logback.xml into the context with the given layout. */
  static void configure(final LoggerContext context, final String format) {
    if (!TEXT.equals(format) && !JSON.equals(format)) {
      throw new IllegalArgumentException(PROPERTY + " must be text or json, not " + format);
    }
    final URL config = LogFormat.class.getResource(CONFIG_RESOURCE);
    if (config == null) {
      throw new IllegalStateException(CONFIG_RESOURCE + " is missing from the classpath");
    }
    context.reset();
    context.putProperty(PROPERTY, format);
    final JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging from " + config, e);
    }
  }
}
