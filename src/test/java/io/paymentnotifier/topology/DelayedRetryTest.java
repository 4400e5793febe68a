package io.paymentnotifier.topology;

import static io.paymentnotifier.notify.NotifyOutcome.Kind.ACKNOWLEDGED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.RETRY_LATER;
import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.RecordCoordinates;
import io.paymentnotifier.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelayedRetryTest {

  private static RetryPolicy ladder(final Duration maxAge, final int maxAttempts) {
    return new RetryPolicy(
        List.of(Duration.ofSeconds(10), Duration.ofSeconds(30)), 0.0, maxAge, maxAttempts, () -> 0);
  }

  private static RecordCoordinates coordinates(
      final String topic, final int partition, final long offset) {
    return RecordCoordinates.newBuilder()
        .setTopic(topic)
        .setPartition(partition)
        .setOffset(offset)
        .build();
  }

  @Test
  void shouldNotCallAgainBeforeTheRetryIsDue() {
    try (TopologyHarness harness = new TopologyHarness(ladder(Duration.ofHours(1), 0))) {
      // given
      harness.client.answer(RETRY_LATER, ACKNOWLEDGED);
      harness.publish(aPayment("p-1").build());
      harness.settle();
      // when
      harness.advance(Duration.ofSeconds(9));
      harness.settle();
      // then
      assertThat(harness.client.callsFor("p-1")).isEqualTo(1);
      assertThat(harness.done.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldCallAgainWithinOneSecondOfDueAndCountTheAttempts() {
    try (TopologyHarness harness = new TopologyHarness(ladder(Duration.ofHours(1), 0))) {
      // given
      harness.client.answer(RETRY_LATER, ACKNOWLEDGED);
      harness.publish(aPayment("p-2").build());
      harness.settle();
      harness.advance(Duration.ofSeconds(9));
      // when
      harness.advance(Duration.ofSeconds(1));
      harness.settle();
      // then
      assertThat(harness.client.callsFor("p-2")).isEqualTo(2);
      final var done = harness.done.readValue();
      assertThat(done.getAttempts()).isEqualTo(2);
      assertThat(harness.retry.readValuesToList()).hasSize(1);
      assertThat(harness.dlq.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldFollowTheLadderAndRepeatItsLastStep() {
    try (TopologyHarness harness = new TopologyHarness(ladder(Duration.ofHours(1), 0))) {
      // given
      harness.client.answer(RETRY_LATER);
      harness.publish(aPayment("p-3").build());
      harness.settle();
      // when
      harness.advance(Duration.ofSeconds(10));
      harness.settle();
      harness.advance(Duration.ofSeconds(30));
      harness.settle();
      // then
      final var retries = harness.retry.readValuesToList();
      assertThat(retries).extracting(NotificationRetry::getAttempt).containsExactly(2, 3, 4);
      assertThat(
              Duration.between(
                  retries.get(1).getHistory().get(1).getStartedAt(), retries.get(1).getDueAt()))
          .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31));
      assertThat(
              Duration.between(
                  retries.get(2).getHistory().get(2).getStartedAt(), retries.get(2).getDueAt()))
          .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31));
    }
  }

  @Test
  void shouldDeadLetterWithTheWholeHistoryWhenAttemptsRunOut() {
    try (TopologyHarness harness = new TopologyHarness(ladder(Duration.ofHours(1), 3))) {
      // given
      harness.client.answer(RETRY_LATER);
      harness.publish(aPayment("p-4").build());
      harness.settle();
      // when
      harness.advance(Duration.ofSeconds(10));
      harness.settle();
      harness.advance(Duration.ofSeconds(30));
      harness.settle();
      // then
      final DeadLetter dead = harness.dlq.readValue();
      assertThat(dead.getReason()).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED);
      assertThat(dead.getDetail()).contains("3 attempts").contains("HTTP 503");
      assertThat(dead.getHistory()).extracting(NotifyAttempt::getAttempt).containsExactly(1, 2, 3);
      // the payment's input record, which its task took it from and held through every retry
      assertThat(dead.getInput()).isEqualTo(coordinates(TopologyHarness.TOPICS.input(), 0, 0));
      assertThat(dead.getOriginTopic()).isEqualTo(TopologyHarness.TOPICS.input());
      assertThat(dead.getOriginOffset()).isZero();
      assertThat(harness.client.callsFor("p-4")).isEqualTo(3);
      assertThat(harness.done.isEmpty()).isTrue();
      harness.advance(Duration.ofMinutes(5));
      assertThat(harness.client.callsFor("p-4")).isEqualTo(3);
    }
  }

  @Test
  void shouldDeadLetterWhenTheNextAttemptWouldPassTheMaximumAge() {
    try (TopologyHarness harness = new TopologyHarness(ladder(Duration.ofSeconds(45), 0))) {
      // given
      harness.client.answer(RETRY_LATER);
      harness.publish(aPayment("p-5").build());
      harness.settle();
      // when: attempt 2 at +10 s; attempt 3 would be at +40 s; attempt 4 at +70 s is too late
      harness.advance(Duration.ofSeconds(10));
      harness.settle();
      harness.advance(Duration.ofSeconds(30));
      harness.settle();
      // then
      final DeadLetter dead = harness.dlq.readValue();
      assertThat(dead.getReason()).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED);
      assertThat(dead.getDetail()).contains("retry.max.age=45s");
      assertThat(dead.getHistory()).hasSize(3);
    }
  }
}
