package io.paymentnotifier.topology;

import static io.paymentnotifier.notify.NotifyOutcome.Kind.ACKNOWLEDGED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.REJECTED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.RETRY_LATER;
import static io.paymentnotifier.testing.Payments.aPayment;
import static io.paymentnotifier.testing.Payments.amount;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DedupTest {

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void shouldSkipAnIdenticalRepeatOfAPaymentAlreadyDone() {
    // given
    harness.client.answer(ACKNOWLEDGED);
    harness.publish(aPayment("p-1").build());
    harness.settle();
    // when
    harness.publish(aPayment("p-1").setEventId("evt-republished").build());
    harness.settle();
    // then
    assertThat(harness.client.callsFor("p-1")).isEqualTo(1);
    assertThat(harness.done.readValuesToList()).hasSize(1);
    assertThat(harness.dlq.isEmpty()).isTrue();
  }

  @Test
  void shouldSkipAnIdenticalRepeatWhileTheFirstWaitsForRetry() {
    // given
    harness.client.answer(RETRY_LATER, ACKNOWLEDGED);
    harness.publish(aPayment("p-2").build());
    harness.settle();
    // when
    harness.publish(aPayment("p-2").build());
    harness.settle();
    harness.advance(Duration.ofSeconds(11));
    harness.settle();
    // then
    assertThat(harness.client.callsFor("p-2")).isEqualTo(2);
    assertThat(harness.done.readValuesToList()).hasSize(1);
    assertThat(harness.dlq.isEmpty()).isTrue();
  }

  @Test
  void shouldDeadLetterARepeatWithOtherKeyFieldsAsConflictingDuplicate() {
    // given
    harness.client.answer(ACKNOWLEDGED);
    harness.publish(aPayment("p-3").build());
    harness.settle();
    // when
    harness.publish(aPayment("p-3").setPaymentAmount(amount("101", "JPY")).build());
    harness.settle();
    // then
    final DeadLetter dead = harness.dlq.readValue();
    assertThat(dead.getReason()).isEqualTo(DeadLetterReason.CONFLICTING_DUPLICATE);
    assertThat(dead.getEvent().getPaymentAmount().getValue()).isEqualTo("101");
    assertThat(harness.client.callsFor("p-3")).isEqualTo(1);
    assertThat(harness.done.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldDeadLetterAConflictingRepeatWhileTheFirstIsInFlight() {
    // given
    harness.client.answer(RETRY_LATER);
    harness.publish(aPayment("p-4").build());
    // when
    harness.publish(aPayment("p-4").setCustomerId("someone-else").build());
    // then
    assertThat(harness.dlq.readValue().getReason())
        .isEqualTo(DeadLetterReason.CONFLICTING_DUPLICATE);
    assertThat(harness.client.callsFor("p-4")).isEqualTo(1);
  }

  @Test
  void shouldNotifyARepeatOfADeadLetteredPaymentAgainAsADlqReplayDoes() {
    // given: p-6 was retried, then rejected
    harness.client.answer(RETRY_LATER, REJECTED, ACKNOWLEDGED);
    harness.publish(aPayment("p-6").build());
    harness.settle();
    harness.advance(Duration.ofSeconds(11));
    harness.settle();
    assertThat(harness.dlq.readValue().getReason()).isEqualTo(DeadLetterReason.REJECTED);
    // when: the same event is published again
    harness.publish(aPayment("p-6").build());
    harness.settle();
    // then
    assertThat(harness.client.callsFor("p-6")).isEqualTo(3);
    assertThat(harness.done.readValue().getPaymentRequestId()).isEqualTo("p-6");
  }

  @Test
  void shouldNotifyAgainWhenTheRepeatComesAfterTheDedupWindow() {
    // given
    harness.client.answer(ACKNOWLEDGED);
    harness.publish(aPayment("p-5").build());
    harness.settle();
    // when
    harness.advance(TopologyHarness.DEDUP_WINDOW.plusHours(1));
    harness.publish(aPayment("p-5").build());
    harness.settle();
    // then
    assertThat(harness.client.callsFor("p-5")).isEqualTo(2);
    assertThat(harness.done.readValuesToList()).hasSize(2);
  }
}
