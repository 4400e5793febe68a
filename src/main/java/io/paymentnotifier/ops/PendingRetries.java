package io.paymentnotifier.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Retries waiting in this instance's schedule, as gauges: how many per attempt, and how long the
 * oldest has waited since it was scheduled. One entry per payment: a payment has at most one
 * pending retry.
 */
final class PendingRetries {

  private record Pending(String attemptLabel, Instant scheduledAt) {}

  private final Map<String, Pending> byPayment = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> countByAttempt = new ConcurrentHashMap<>();
  private final MeterRegistry registry;
  private final Clock clock;

  PendingRetries(final MeterRegistry registry, final Clock clock) {
    this.registry = registry;
    this.clock = clock;
    // Computed at scrape time, so a stuck schedule shows as a growing age without any event.
    TimeGauge.builder(
            MetricNames.RETRY_OLDEST_PENDING_AGE,
            this,
            TimeUnit.MILLISECONDS,
            PendingRetries::oldestAgeMillis)
        .description("How long the oldest retry waiting in this instance has waited")
        .strongReference(true)
        .register(registry);
  }

  void scheduled(final String paymentRequestId, final int attempt) {
    held(paymentRequestId, attempt, clock.instant());
  }

  /** A retry waiting since {@code scheduledAt}, now held here; a known id is replaced. */
  void held(final String paymentRequestId, final int attempt, final Instant scheduledAt) {
    final Pending pending = new Pending(MetricNames.attemptLabel(attempt), scheduledAt);
    final Pending replaced = byPayment.put(paymentRequestId, pending);
    if (replaced != null) {
      counter(replaced.attemptLabel()).decrementAndGet();
    }
    counter(pending.attemptLabel()).incrementAndGet();
  }

  /** Unknown ids are ignored: a retry may leave before this instance announced it. */
  void released(final String paymentRequestId) {
    final Pending pending = byPayment.remove(paymentRequestId);
    if (pending != null) {
      counter(pending.attemptLabel()).decrementAndGet();
    }
  }

  private AtomicLong counter(final String attemptLabel) {
    return countByAttempt.computeIfAbsent(attemptLabel, this::registerCount);
  }

  private AtomicLong registerCount(final String attemptLabel) {
    final AtomicLong count = new AtomicLong();
    Gauge.builder(MetricNames.RETRIES_PENDING, count, AtomicLong::get)
        .description("Retries waiting in this instance's schedule, by the attempt they will make")
        .tag(MetricNames.ATTEMPT_TAG, attemptLabel)
        .strongReference(true)
        .register(registry);
    return count;
  }

  private double oldestAgeMillis() {
    final Instant now = clock.instant();
    return byPayment.values().stream()
        .map(Pending::scheduledAt)
        .min(Instant::compareTo)
        .map(oldest -> (double) Math.max(0, Duration.between(oldest, now).toMillis()))
        .orElse(0.0);
  }
}
