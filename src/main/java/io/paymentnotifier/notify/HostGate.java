package io.paymentnotifier.notify;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overload control of one Alipay+ host: a resilience4j circuit breaker says whether the host
 * fails (then only probes go through, at growing intervals) and a {@link PermittedRate} how fast it
 * may be called while it answers. Thread-safe and non-blocking.
 */
final class HostGate {

  private static final Logger LOG = LoggerFactory.getLogger(HostGate.class);
  private static final double PROBE_INTERVAL_GROWTH = 2.0;

  private final String host;
  private final OverloadSettings settings;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final PermittedRate rate;
  private volatile Instant since;
  private volatile String lastFailure = "";

  HostGate(final String host, final OverloadSettings settings, final Clock clock) {
    this.host = host;
    this.settings = settings;
    this.clock = clock;
    this.breaker = CircuitBreaker.of(host, breakerConfig(settings, clock));
    this.rate = new PermittedRate(settings, clock.millis());
    this.since = clock.instant();
    breaker
        .getEventPublisher()
        .onStateTransition(event -> transitioned(event.getStateTransition()));
    if (!settings.enabled()) {
      breaker.transitionToDisabledState();
    }
  }

  String host() {
    return host;
  }

  /** A permit for one call now, or empty while the host fails or is at its rate. */
  Optional<CallPermit> tryAdmit() {
    if (!breaker.tryAcquirePermission()) {
      return Optional.empty();
    }
    if (!rate.tryTake(clock.millis())) {
      breaker.releasePermission();
      return Optional.empty();
    }
    return Optional.of(this::completed);
  }

  HostStatus status() {
    final double permitted = rate.permitted();
    return new HostStatus(host, state(), since, Double.isInfinite(permitted) ? 0 : permitted);
  }

  private HostState state() {
    return switch (breaker.getState()) {
      case OPEN, FORCED_OPEN -> HostState.UNAVAILABLE;
      case HALF_OPEN -> HostState.PROBING;
      default -> rate.limiting() ? HostState.LIMITED : HostState.AVAILABLE;
    };
  }

  private void completed(final NotifyOutcome outcome) {
    final CallReport call = outcome.call();
    final long nanos = call.latency() == null ? 0 : call.latency().toNanos();
    switch (OverloadSignal.of(outcome)) {
      case ANSWERED -> answered(nanos, false);
      case TRAFFIC_LIMITED -> answered(nanos, true);
      case FAILING -> {
        lastFailure = call.error() != null ? call.error() : "HTTP " + call.httpStatus();
        breaker.onError(nanos, TimeUnit.NANOSECONDS, new HostFailure(lastFailure));
      }
      case NOT_SENT -> breaker.releasePermission();
    }
  }

  private void answered(final long nanos, final boolean trafficLimited) {
    breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    rate.answered(trafficLimited, clock.millis());
  }

  private void transitioned(final CircuitBreaker.StateTransition transition) {
    since = clock.instant();
    switch (transition) {
      case CLOSED_TO_OPEN ->
          LOG.warn(
              "Alipay+ host {} is unavailable: {}% or more of its last {} calls failed (last: {})."
                  + " New calls are held back; {} of them will probe it in {} ms",
              host,
              settings.failureRatePercent(),
              settings.window(),
              lastFailure,
              settings.probeCalls(),
              settings.probeInterval().toMillis());
      case OPEN_TO_HALF_OPEN ->
          LOG.info("Probing Alipay+ host {} with {} notifications", host, settings.probeCalls());
      case HALF_OPEN_TO_OPEN ->
          LOG.info(
              "Alipay+ host {} still fails (last: {}); calls stay held back", host, lastFailure);
      case HALF_OPEN_TO_CLOSED -> {
        rate.recovering(clock.millis());
        LOG.warn(
            "Alipay+ host {} answers again: held-back calls resume, from {} requests/s up",
            host,
            PermittedRate.SLOW_START_RATE);
      }
      default -> LOG.debug("Alipay+ host {}: {}", host, transition);
    }
  }

  private static CircuitBreakerConfig breakerConfig(
      final OverloadSettings settings, final Clock clock) {
    return CircuitBreakerConfig.custom()
        .slidingWindow(
            settings.window(), Math.max(1, settings.window() / 2), SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(settings.failureRatePercent())
        .permittedNumberOfCallsInHalfOpenState(settings.probeCalls())
        .waitIntervalFunctionInOpenState(
            IntervalFunction.ofExponentialBackoff(
                settings.probeInterval(), PROBE_INTERVAL_GROWTH, settings.probeIntervalMax()))
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .writableStackTraceEnabled(false)
        .clock(clock)
        .build();
  }

  /** What the breaker records as a failed call: the reason, without a stack trace. */
  private static final class HostFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HostFailure(final String reason) {
      super(reason, null, false, false);
    }
  }
}
