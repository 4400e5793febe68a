package io.paymentnotifier.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.paymentnotifier.retry.WaitingRetries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Retries waiting in this instance's tasks, as gauges: how many per attempt, and how long the
 * oldest has waited. Each task reports its own count from its store; this keeps the last report of
 * each task it runs (a few numbers per task, never one entry per retry) and sums them at scrape
 * time.
 */
final class PendingRetries {

  private final Map<String, WaitingRetries> byTask = new ConcurrentHashMap<>();
  private final Set<String> attemptLabels = ConcurrentHashMap.newKeySet();
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

  /** What a task counted last; an empty count means the task holds none here (or left). */
  void report(final String taskId, final WaitingRetries waiting) {
    if (waiting.isEmpty()) {
      byTask.remove(taskId);
      return;
    }
    waiting.byAttempt().keySet().forEach(this::registerCount);
    byTask.put(taskId, waiting);
  }

  private void registerCount(final int attempt) {
    final String label = MetricNames.attemptLabel(attempt);
    if (attemptLabels.add(label)) {
      Gauge.builder(MetricNames.RETRIES_PENDING, this, p -> p.waiting(label))
          .description("Retries waiting in this instance's tasks, by the attempt they will make")
          .tag(MetricNames.ATTEMPT_TAG, label)
          .strongReference(true)
          .register(registry);
    }
  }

  private double waiting(final String label) {
    long sum = 0;
    for (final WaitingRetries task : byTask.values()) {
      for (final Map.Entry<Integer, Long> count : task.byAttempt().entrySet()) {
        if (MetricNames.attemptLabel(count.getKey()).equals(label)) {
          sum += count.getValue();
        }
      }
    }
    return sum;
  }

  private double oldestAgeMillis() {
    final Instant now = clock.instant();
    return byTask.values().stream()
        .map(WaitingRetries::oldestWaitingSince)
        .filter(Objects::nonNull)
        .min(Instant::compareTo)
        .map(oldest -> (double) Math.max(0, Duration.between(oldest, now).toMillis()))
        .orElse(0.0);
  }
}
