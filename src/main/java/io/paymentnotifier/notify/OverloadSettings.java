package io.paymentnotifier.notify;

import static io.paymentnotifier.config.OverloadConfigDef.*;

import io.paymentnotifier.config.Durations;
import io.paymentnotifier.config.NotifierConfig;
import java.time.Duration;

/**
 * How the overload control treats each Alipay+ host (keys in {@code OverloadConfigDef}).
 *
 * @param enabled false: no circuit and no adaptive rate, only {@code maxRequestsPerSecond}
 * @param maxRequestsPerSecond a fixed cap per host and instance; 0 for none
 * @param failureRatePercent failed calls among the last {@code window} that make a host unavailable
 * @param window calls the failure rate is judged over
 * @param probeCalls notifications sent to an unavailable host per probe
 * @param probeInterval wait before the first probe; doubles after each failed probe
 * @param probeIntervalMax longest wait between probes (never below {@code probeInterval})
 * @param minRequestsPerSecond the floor traffic limits bring the rate down to
 */
public record OverloadSettings(
    boolean enabled,
    int maxRequestsPerSecond,
    int failureRatePercent,
    int window,
    int probeCalls,
    Duration probeInterval,
    Duration probeIntervalMax,
    double minRequestsPerSecond) {

  public OverloadSettings {
    if (probeIntervalMax.compareTo(probeInterval) < 0) {
      probeIntervalMax = probeInterval;
    }
  }

  /** The defaults of the configuration. */
  public static OverloadSettings defaults() {
    return new OverloadSettings(
        true, 0, 50, 20, 3, Duration.ofSeconds(1), Duration.ofSeconds(5), 1.0);
  }

  /** The settings of this configuration (validated by its ConfigDef). */
  public static OverloadSettings from(final NotifierConfig config) {
    return new OverloadSettings(
        config.getBoolean(CONTROL_CONFIG),
        config.getInt(MAX_REQUESTS_PER_SECOND_CONFIG),
        config.getInt(FAILURE_RATE_CONFIG),
        config.getInt(WINDOW_CONFIG),
        config.getInt(PROBE_CALLS_CONFIG),
        Durations.parse(config.getString(PROBE_INTERVAL_CONFIG)),
        Durations.parse(config.getString(PROBE_INTERVAL_MAX_CONFIG)),
        config.getDouble(MIN_REQUESTS_PER_SECOND_CONFIG));
  }

  /** The same settings with a fixed cap of requests per second (0: none). */
  public OverloadSettings withMaxRequestsPerSecond(final int max) {
    return new OverloadSettings(
        enabled,
        max,
        failureRatePercent,
        window,
        probeCalls,
        probeInterval,
        probeIntervalMax,
        minRequestsPerSecond);
  }

  /** The fixed cap as a rate: infinite when none is set. */
  double cap() {
    return maxRequestsPerSecond > 0 ? maxRequestsPerSecond : Double.POSITIVE_INFINITY;
  }
}
