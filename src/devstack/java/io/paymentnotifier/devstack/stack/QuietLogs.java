package io.paymentnotifier.devstack.stack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps the console of the interactive commands (demo, dev, bench) for their own output: the
 * embedded broker and clients log routine WARN lines (controller activation, leader moves at topic
 * creation) that would drown the progress and the summary.
 */
public final class QuietLogs {

  private QuietLogs() {}

  /** Only errors reach the console from here on, whatever levels the logging config set. */
  public static void errorsOnly() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      for (final Logger logger : context.getLoggerList()) {
        if (logger.getLevel() != null) {
          logger.setLevel(Level.ERROR);
        }
      }
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.ERROR);
      // With transactions v2 the broker logs a retriable OutOfOrderSequence rejection at ERROR
      // (KAFKA-18202) when a transaction's batches race; the producer retries it on its own.
      context.getLogger("kafka.server.ReplicaManager").setLevel(Level.OFF);
    }
  }
}
