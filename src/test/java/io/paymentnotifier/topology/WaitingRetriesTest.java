package io.paymentnotifier.topology;

import static io.paymentnotifier.notify.NotifyOutcome.Kind.ACKNOWLEDGED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.RETRY_LATER;
import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What the topology tells operations about retries waiting in its tasks: the pending-retries gauge
 * of an instance must follow the tasks it runs, not only the retries it scheduled itself.
 */
class WaitingRetriesTest {

  private static final RetryPolicy TEN_SECONDS =
      new RetryPolicy(List.of(Duration.ofSeconds(10)), 0.0, Duration.ofHours(1), 0, () -> 0);

  /** Waiting retries by payment, as the announcements describe them. */
  private static final class Announcements implements NotificationObserver {
    final Map<String, Integer> waiting = new ConcurrentHashMap<>();
    final List<String> held = new CopyOnWriteArrayList<>();
    final List<String> scheduled = new CopyOnWriteArrayList<>();

    @Override
    public void retryScheduled(
        final String paymentRequestId, final int attempt, final Instant due) {
      waiting.put(paymentRequestId, attempt);
      scheduled.add(paymentRequestId);
    }

    @Override
    public void retryHeld(
        final String paymentRequestId, final int attempt, final Instant scheduledAt) {
      waiting.put(paymentRequestId, attempt);
      held.add(paymentRequestId);
    }

    @Override
    public void retryReleased(final String paymentRequestId, final int attempt) {
      waiting.remove(paymentRequestId);
    }
  }

  @Test
  void shouldHandWaitingRetriesOverWhenTheTaskCloses() {
    // given: two payments waiting for their second attempt in this task
    final Announcements announcements = new Announcements();
    final TopologyHarness harness = new TopologyHarness(TEN_SECONDS, announcements);
    try {
      harness.client.answer(RETRY_LATER);
      harness.publish(aPayment("p-1").build());
      harness.publish(aPayment("p-2").build());
      harness.settle();
      assertThat(announcements.waiting).isEqualTo(Map.of("p-1", 2, "p-2", 2));
    } finally {
      // when: the task closes, as when it moves to another instance
      harness.close();
    }
    // then
    assertThat(announcements.waiting).isEmpty();
  }

  @Test
  void shouldCountARetryAdoptedFromTheRetryTopicUntilItIsCalled() {
    final Announcements announcements = new Announcements();
    try (TopologyHarness harness = new TopologyHarness(TEN_SECONDS, announcements)) {
      // given: a retry record for a payment this task never saw (a replay, or a state reset)
      harness.client.answer(ACKNOWLEDGED);
      final Instant due = harness.now().plusSeconds(10);
      harness.retryInput.pipeInput(
          "p-9",
          NotificationRetry.newBuilder()
              .setEvent(aPayment("p-9").build())
              .setNextAttempt(2)
              .setDueAt(due)
              .setHistory(List.of())
              .build(),
          harness.now());
      harness.settle();
      // held (perhaps announced again when the task resumes), but not a newly scheduled retry
      assertThat(announcements.held).containsOnly("p-9");
      assertThat(announcements.scheduled).isEmpty();
      assertThat(announcements.waiting).isEqualTo(Map.of("p-9", 2));
      // when
      harness.advance(Duration.ofSeconds(11));
      harness.settle();
      // then
      assertThat(harness.client.callsFor("p-9")).isEqualTo(1);
      assertThat(announcements.waiting).isEmpty();
    }
  }
}
