package io.paymentnotifier.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.dlq.Origin;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the notification stores' part and the dead-letter index's part make one answer. */
class PaymentStatusTest {

  private static final Instant FIRST = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant LATER = FIRST.plusSeconds(60);
  private static final Origin DLQ = new Origin("payment-notify-dlq", 1, 9);

  @Test
  void shouldTakeTheDlqRecordFromTheIndexForADeadLetterTheStoresKnow() {
    // given
    final PaymentStatus stores = new PaymentStatus.DeadLettered("p", FIRST, "REJECTED", 2, null);
    final PaymentStatus index = new PaymentStatus.DeadLettered("p", FIRST, "REJECTED", null, DLQ);
    // when
    final PaymentStatus answer = PaymentStatus.combine(stores, index);
    // then
    assertThat(answer).isEqualTo(new PaymentStatus.DeadLettered("p", FIRST, "REJECTED", 2, DLQ));
  }

  @Test
  void shouldAnswerDoneWhenOnlyAConflictingRepeatWasDeadLetteredAfterIt() {
    // given
    final PaymentStatus stores = new PaymentStatus.Done("p", FIRST, "S", "SUCCESS", 1);
    final PaymentStatus index =
        new PaymentStatus.DeadLettered("p", LATER, "CONFLICTING_DUPLICATE", null, DLQ);
    // when / then
    assertThat(PaymentStatus.needsDeadLetters(stores)).isFalse();
    assertThat(PaymentStatus.combine(stores, index)).isEqualTo(stores);
  }

  @Test
  void shouldAnswerInFlightForADeadLetterThatWasReplayed() {
    // given
    final PaymentStatus stores = new PaymentStatus.InFlight("p", 1, LATER);
    final PaymentStatus index = new PaymentStatus.DeadLettered("p", FIRST, "REJECTED", null, DLQ);
    // when / then
    assertThat(PaymentStatus.needsDeadLetters(stores)).isFalse();
    assertThat(PaymentStatus.combine(stores, index)).isEqualTo(stores);
  }

  @Test
  void shouldAnswerTheIndexAloneWhenTheStoresNeverSawThePayment() {
    // given: an invalid event
    final PaymentStatus stores = new PaymentStatus.Unknown("p");
    final PaymentStatus index =
        new PaymentStatus.DeadLettered("p", FIRST, "INVALID_EVENT", null, DLQ);
    // when / then
    assertThat(PaymentStatus.needsDeadLetters(stores)).isTrue();
    assertThat(PaymentStatus.combine(stores, index)).isEqualTo(index);
    assertThat(PaymentStatus.combine(stores, new PaymentStatus.Unknown("p")))
        .isEqualTo(new PaymentStatus.Unknown("p"));
  }

  @Test
  void shouldKeepADeadLetterTheIndexHasNotReadYet() {
    // given
    final PaymentStatus stores = new PaymentStatus.DeadLettered("p", FIRST, "REJECTED", 1, null);
    // when / then
    assertThat(PaymentStatus.combine(stores, new PaymentStatus.Unknown("p"))).isEqualTo(stores);
  }
}
