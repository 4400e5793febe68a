package io.paymentnotifier.service;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentnotifier.ops.MetricNames;
import io.paymentnotifier.ops.MetricsObserver;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The pending-retries gauge follows the tasks, on the real broker: when the instance that scheduled
 * the retries stops, its gauge drops to zero and the instance that takes the tasks over counts
 * them, restored from the changelog.
 */
class RetryGaugeTakeoverIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void shouldMoveWaitingRetriesFromTheStoppedInstanceToTheOneThatTakesOver() {
    // given: every call answered U, and retries an hour away
    try (NotifierStack stack =
        new NotifierStack(SimulatorFaults.builder().unknownRate(1.0).build())
            .with("retry.backoff", "1h")
            .with("retry.max.age", "2h")) {
      final SimpleMeterRegistry firstMetrics = new SimpleMeterRegistry();
      final NotifierService first = stack.newService(new MetricsObserver(firstMetrics));
      first.start();
      final List<String> ids = IntStream.range(0, 20).mapToObj(i -> "gauge-" + i).toList();
      stack.publish(ids.stream().map(id -> aPayment(id).build()).toList());
      await().atMost(PATIENCE).until(() -> pending(firstMetrics) == ids.size());
      // when: the first instance stops and a second one takes every task over
      first.close(Duration.ofSeconds(10));
      final SimpleMeterRegistry secondMetrics = new SimpleMeterRegistry();
      try (NotifierService second = stack.newService(new MetricsObserver(secondMetrics))) {
        second.start();
        // then
        await().atMost(PATIENCE).until(() -> pending(secondMetrics) == ids.size());
        assertThat(pending(firstMetrics)).isZero();
        assertThat(stack.simulator.stats().totalRequests()).isEqualTo(ids.size());
      }
    }
  }

  private static double pending(final SimpleMeterRegistry metrics) {
    return metrics.find(MetricNames.RETRIES_PENDING).gauges().stream()
        .mapToDouble(Gauge::value)
        .sum();
  }
}
