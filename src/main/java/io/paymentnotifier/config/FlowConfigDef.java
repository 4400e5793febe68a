package io.paymentnotifier.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** How notifications flow: concurrency, retry backoff, dedup, shutdown (topology and retry). */
public final class FlowConfigDef {

  public static final String MAX_IN_FLIGHT_CONFIG = "notify.max.in.flight";
  public static final String RETRY_BACKOFF_CONFIG = "retry.backoff";
  public static final String RETRY_JITTER_CONFIG = "retry.jitter";
  public static final String RETRY_MAX_AGE_CONFIG = "retry.max.age";
  public static final String RETRY_MAX_ATTEMPTS_CONFIG = "retry.max.attempts";
  public static final String DEDUP_WINDOW_CONFIG = "dedup.window";
  public static final String SHUTDOWN_TIMEOUT_CONFIG = "shutdown.timeout";

  /** Payment-webhook practice: quick first retries, then hours apart. */
  public static final String DEFAULT_BACKOFF = "10s,30s,1m,5m,15m,30m,1h,2h,4h,8h";

  private FlowConfigDef() {}

  // One entry per key: a table, not logic.
  @SuppressWarnings("checkstyle:methodlength")
  static void define(final ConfigDef def) {
    def.define(
            MAX_IN_FLIGHT_CONFIG,
            Type.INT,
            256,
            Range.atLeast(1),
            Importance.HIGH,
            "notifyPayment calls running at once per instance; at the limit, processing waits.")
        .define(
            RETRY_BACKOFF_CONFIG,
            Type.LIST,
            DEFAULT_BACKOFF,
            Importance.MEDIUM,
            "Waits before retry 1, 2, ...; after the last, the last wait repeats until"
                + " retry.max.age.")
        .define(
            RETRY_JITTER_CONFIG,
            Type.DOUBLE,
            0.2,
            Range.between(0.0, 1.0),
            Importance.LOW,
            "Each wait is spread at random by up to this fraction, so retries do not arrive"
                + " in bursts.")
        .define(
            RETRY_MAX_AGE_CONFIG,
            Type.STRING,
            "72h",
            Durations.validator(false),
            Importance.MEDIUM,
            "No attempt is made later than this after the first; then RETRIES_EXHAUSTED.")
        .define(
            RETRY_MAX_ATTEMPTS_CONFIG,
            Type.INT,
            0,
            Range.atLeast(0),
            Importance.MEDIUM,
            "Cap on attempts in all (first call included); 0 means only retry.max.age limits.")
        .define(
            DEDUP_WINDOW_CONFIG,
            Type.STRING,
            "7d",
            Durations.validator(false),
            Importance.MEDIUM,
            "How long a notified payment is remembered: a repeat event within it is skipped.")
        .define(
            SHUTDOWN_TIMEOUT_CONFIG,
            Type.STRING,
            "30s",
            Durations.validator(false),
            Importance.MEDIUM,
            "On SIGTERM, time for in-flight calls to finish before Kafka Streams closes.");
  }
}
