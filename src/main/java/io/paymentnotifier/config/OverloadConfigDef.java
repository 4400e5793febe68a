package io.paymentnotifier.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** How hard the notifier may press each Alipay+ host (the notify package's overload control). */
public final class OverloadConfigDef {

  public static final String MAX_REQUESTS_PER_SECOND_CONFIG = "alipay.max.requests.per.second";
  public static final String CONTROL_CONFIG = "alipay.overload.control";
  public static final String FAILURE_RATE_CONFIG = "alipay.overload.failure.rate";
  public static final String WINDOW_CONFIG = "alipay.overload.window";
  public static final String PROBE_CALLS_CONFIG = "alipay.overload.probe.calls";
  public static final String PROBE_INTERVAL_CONFIG = "alipay.overload.probe.interval";
  public static final String PROBE_INTERVAL_MAX_CONFIG = "alipay.overload.probe.interval.max";
  public static final String MIN_REQUESTS_PER_SECOND_CONFIG =
      "alipay.overload.min.requests.per.second";

  private OverloadConfigDef() {}

  // One entry per key: a table, not logic.
  @SuppressWarnings("checkstyle:methodlength")
  static void define(final ConfigDef def) {
    def.define(
            MAX_REQUESTS_PER_SECOND_CONFIG,
            Type.INT,
            0,
            Range.atLeast(0),
            Importance.MEDIUM,
            "Most notifyPayment requests per second this instance sends to one Alipay+ host,"
                + " whatever the host answers; 0 means no fixed limit (overload control still"
                + " lowers the rate on traffic limits).")
        .define(
            CONTROL_CONFIG,
            Type.BOOLEAN,
            true,
            Importance.LOW,
            "Overload control per Alipay+ host: a failing host gets no new calls but a few probes,"
                + " and traffic limits lower the call rate. Off: every call is sent (within "
                + MAX_REQUESTS_PER_SECOND_CONFIG
                + ").")
        .define(
            FAILURE_RATE_CONFIG,
            Type.INT,
            50,
            Range.between(1, 100),
            Importance.LOW,
            "Percentage of failed calls (timeout, refused or dropped connection, HTTP 408 or"
                + " 5xx) among the last "
                + WINDOW_CONFIG
                + " calls to a host at which it counts as unavailable and new calls are held"
                + " back.")
        .define(
            WINDOW_CONFIG,
            Type.INT,
            20,
            Range.between(2, 10_000),
            Importance.LOW,
            "Calls to a host whose failure rate is judged; at least half of them must have ended"
                + " before a host can count as unavailable.")
        .define(
            PROBE_CALLS_CONFIG,
            Type.INT,
            3,
            Range.between(1, 100),
            Importance.LOW,
            "Real notifications sent to an unavailable host each time it is probed; it is"
                + " available again when less than "
                + FAILURE_RATE_CONFIG
                + " percent of them fail.")
        .define(
            PROBE_INTERVAL_CONFIG,
            Type.STRING,
            "1s",
            Durations.validator(false),
            Importance.LOW,
            "Wait before the first probe of a host that became unavailable; it doubles after"
                + " each failed probe, up to "
                + PROBE_INTERVAL_MAX_CONFIG
                + ".")
        .define(
            PROBE_INTERVAL_MAX_CONFIG,
            Type.STRING,
            "5s",
            Durations.validator(false),
            Importance.LOW,
            "Longest wait between probes of an unavailable host (never shorter than "
                + PROBE_INTERVAL_CONFIG
                + "): how long after an outage ends the notifier may take to notice.")
        .define(
            MIN_REQUESTS_PER_SECOND_CONFIG,
            Type.DOUBLE,
            1.0,
            Range.between(0.01, 1_000_000),
            Importance.LOW,
            "The lowest rate traffic limits (REQUEST_TRAFFIC_EXCEED_LIMIT, HTTP 429) bring the"
                + " calls to one host down to, per instance.");
  }
}
