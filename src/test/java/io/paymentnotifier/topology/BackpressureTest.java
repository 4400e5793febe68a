package io.paymentnotifier.topology;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackpressureTest {

  private static final int LIMIT = 3;
  private final ScheduledExecutorService httpThreads = Executors.newScheduledThreadPool(4);

  @AfterEach
  void stop() {
    httpThreads.shutdownNow();
  }

  @Test
  void shouldNeverRunMoreCallsThanTheLimitAndStillFinishEveryPayment() {
    final RetryPolicy policy =
        new RetryPolicy(List.of(Duration.ofSeconds(1)), 0, Duration.ofHours(1), 0, () -> 0);
    try (TopologyHarness harness = new TopologyHarness(policy, LIMIT, null)) {
      // given: answers arrive later, on other threads, while the stream thread waits for permits
      final AtomicInteger maxRunning = new AtomicInteger();
      final Executor later =
          task -> {
            maxRunning.accumulateAndGet(harness.calls.running(), Math::max);
            httpThreads.schedule(task, 20, TimeUnit.MILLISECONDS);
          };
      harness.client.answerOn(later);
      // when
      for (int i = 0; i < 20; i++) {
        harness.publish(aPayment("p-" + i).build());
      }
      waitUntilSettled(harness);
      // then
      assertThat(maxRunning.get()).isEqualTo(LIMIT);
      assertThat(harness.done.readKeyValuesToMap()).hasSize(20);
      assertThat(harness.client.calls()).hasSize(20);
      assertThat(harness.calls.unsettled()).isZero();
    }
  }

  private static void waitUntilSettled(final TopologyHarness harness) {
    for (int i = 0; i < 200 && harness.calls.unsettled() > 0; i++) {
      harness.settle();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
