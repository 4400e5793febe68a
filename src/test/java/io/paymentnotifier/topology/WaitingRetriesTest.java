package io.paymentnotifier.topology;

import static io.paymentnotifier.notify.NotifyOutcome.Kind.ACKNOWLEDGED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.RETRY_LATER;
import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.retry.RetryPolicy;
import io.paymentnotifier.retry.WaitingCensus;
import io.paymentnotifier.retry.WaitingRetries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What the topology tells operations about retries waiting in its tasks: each task counts them from
 * its own schedule store, so the gauges of an instance follow the tasks it runs, not only the
 * retries it scheduled itself.
 */
class WaitingRetriesTest {

  private static final RetryPolicy TEN_SECONDS =
      new RetryPolicy(List.of(Duration.ofSeconds(10)), 0.0, Duration.ofHours(1), 0, () -> 0);

  /** The last count of each task, and the retries scheduled. */
  private static final class Reports implements NotificationObserver {
    final Map<String, WaitingRetries> byTask = new ConcurrentHashMap<>();
    final List<String> scheduled = new CopyOnWriteArrayList<>();

    @Override
    public void retryScheduled(
        final String paymentRequestId, final int attempt, final Instant due) {
      scheduled.add(paymentRequestId);
    }

    @Override
    public void retriesWaiting(final String taskId, final WaitingRetries waiting) {
      byTask.put(taskId, waiting);
    }
  }

  @Test
  void shouldCountTheTasksWaitingRetriesByAttemptFromItsSchedule() {
    final Reports reports = new Reports();
    try (TopologyHarness harness = new TopologyHarness(TEN_SECONDS, reports)) {
      // given: two payments waiting for their second attempt
      harness.client.answer(RETRY_LATER);
      final Instant scheduledAt = harness.now();
      harness.publish(aPayment("p-1").build());
      harness.publish(aPayment("p-2").build());
      harness.settle();
      // when
      harness.advance(WaitingCensus.INTERVAL);
      // then
      assertThat(reports.byTask)
          .isEqualTo(Map.of("0_0", new WaitingRetries(Map.of(2, 2L), scheduledAt)));
    }
  }

  @Test
  void shouldReportNoWaitingRetriesWhenTheTaskCloses() {
    // given
    final Reports reports = new Reports();
    final TopologyHarness harness = new TopologyHarness(TEN_SECONDS, reports);
    try {
      harness.client.answer(RETRY_LATER);
      harness.publish(aPayment("p-1").build());
      harness.settle();
      harness.advance(WaitingCensus.INTERVAL);
      assertThat(reports.byTask.get("0_0").isEmpty()).isFalse();
    } finally {
      // when: the task closes, as when it moves to another instance
      harness.close();
    }
    // then
    assertThat(reports.byTask).isEqualTo(Map.of("0_0", WaitingRetries.NONE));
  }

  @Test
  void shouldCountARetryAdoptedFromTheRetryTopicUntilItIsCalled() {
    final Reports reports = new Reports();
    try (TopologyHarness harness = new TopologyHarness(TEN_SECONDS, reports)) {
      // given: a retry record for a payment this task never saw (a replay, or a state reset)
      harness.client.answer(ACKNOWLEDGED);
      harness.retryInput.pipeInput(
          "p-9",
          NotificationRetry.newBuilder()
              .setEvent(aPayment("p-9").build())
              .setAttempt(2)
              .setDueAt(harness.now().plusSeconds(10))
              .setHistory(List.of())
              .build(),
          harness.now());
      harness.advance(WaitingCensus.INTERVAL);
      // counted as waiting, but not as a newly scheduled retry
      assertThat(reports.byTask.get("0_0").byAttempt()).isEqualTo(Map.of(2, 1L));
      assertThat(reports.scheduled).isEmpty();
      // when
      harness.advance(Duration.ofSeconds(10));
      harness.settle();
      harness.advance(WaitingCensus.INTERVAL);
      // then
      assertThat(harness.client.callsFor("p-9")).isEqualTo(1);
      assertThat(harness.done.readValue().getAttempts()).isEqualTo(2);
      assertThat(reports.byTask.get("0_0")).isEqualTo(WaitingRetries.NONE);
    }
  }
}
