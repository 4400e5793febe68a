package io.paymentnotifier.topology;

import static io.paymentnotifier.notify.NotifyOutcome.Kind.ACKNOWLEDGED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.REJECTED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.RETRY_LATER;
import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.DeadLetterIndexEntry;
import io.paymentnotifier.events.FinishedPayment;
import io.paymentnotifier.events.PaymentFinalized;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the stores keep for the status lookup, on the real topology: the in-flight store says since
 * when an attempt runs and which one waits, the done store keeps the acknowledgment code and the
 * dead-letter reason, and the dead-letter index holds each DLQ record's coordinates.
 */
class PaymentStatusStateTest {

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void shouldSayWhenTheRunningAttemptStartedWhileItIsInFlight() {
    // given: calls that do not answer
    harness.client.answerOn(neverAnswered -> {});
    final Instant published = harness.now();
    // when
    harness.publish(aPayment("p-1").build());
    // then
    assertThat(inFlight("p-1")).isEqualTo(new PaymentStatus.InFlight("p-1", 1, published));
  }

  @Test
  void shouldSayWhichAttemptWaitsUntilWhenAndHowTheLastOneEnded() {
    // given
    harness.client.answer(RETRY_LATER);
    final Instant published = harness.now();
    // when
    harness.publish(aPayment("p-2").build());
    harness.settle();
    // then: the harness's policy waits 10 s from the routing of the answer
    final Instant routed = published.plus(NotifyProcessor.COMPLETION_POLL_INTERVAL);
    assertThat(inFlight("p-2"))
        .isEqualTo(new PaymentStatus.Waiting("p-2", 2, routed.plusSeconds(10), "HTTP 503"));
  }

  @Test
  void shouldSayTheRetryIsInFlightAgainFromItsRelease() {
    // given
    harness.client.answer(RETRY_LATER);
    harness.publish(aPayment("p-3").build());
    harness.settle();
    harness.client.answerOn(neverAnswered -> {});
    // when
    harness.advance(Duration.ofSeconds(11));
    // then
    final PaymentStatus status = inFlight("p-3");
    assertThat(status).isInstanceOf(PaymentStatus.InFlight.class);
    assertThat(((PaymentStatus.InFlight) status).attempt()).isEqualTo(2);
    assertThat(((PaymentStatus.InFlight) status).since())
        .isAfter(harness.now().minusSeconds(2))
        .isBeforeOrEqualTo(harness.now());
  }

  @Test
  void shouldKeepTheAcknowledgmentCodeAndTimeOfADonePayment() {
    // given
    harness.client.answer(ACKNOWLEDGED);
    // when
    harness.publish(aPayment("p-4").build());
    harness.settle();
    // then
    assertThat(inFlight("p-4")).isNull();
    assertThat(finished("p-4"))
        .contains(new PaymentStatus.Done("p-4", harness.now(), "S", "SUCCESS", 1));
  }

  @Test
  void shouldKeepTheReasonOfAPaymentDeadLetteredAfterItsAttempts() {
    // given
    harness.client.answer(REJECTED);
    // when
    harness.publish(aPayment("p-5").build());
    harness.settle();
    // then
    assertThat(finished("p-5"))
        .contains(new PaymentStatus.DeadLettered("p-5", harness.now(), "REJECTED", 1, null));
  }

  @Test
  void shouldIndexTheCoordinatesOfEveryDlqRecordByPaymentRequestId() {
    // given: one rejected after a call, one invalid before any
    harness.client.answer(REJECTED);
    harness.publish(aPayment("p-6").build());
    harness.settle();
    final PaymentFinalized invalid = aPayment("p-7").setPaymentId("").build();
    // when: the DLQ records come back through the DLQ topic
    harness.publish(invalid);
    // then
    assertThat(indexed("p-6"))
        .isEqualTo(new KeyValue<>("REJECTED", new Origin("payment-notify-dlq", 0, 0)));
    assertThat(indexed("p-7"))
        .isEqualTo(new KeyValue<>("INVALID_EVENT", new Origin("payment-notify-dlq", 0, 1)));
    assertThat(harness.dlq.readRecordsToList()).hasSize(2);
  }

  @Test
  void shouldPassOverDlqRecordsWhoseKeyIsNoPaymentRequestId() {
    // given
    final TestInputTopic<byte[], byte[]> dlq =
        harness.driver.createInputTopic(
            TopologyHarness.TOPICS.dlq(), new ByteArraySerializer(), new ByteArraySerializer());
    final RecordHeaders headers = new RecordHeaders();
    headers.add(NotifierHeaders.ERROR_CLASS, "UNDESERIALIZABLE".getBytes(StandardCharsets.UTF_8));
    // when
    dlq.pipeInput(new TestRecord<>(null, new byte[] {1}, headers, harness.now()));
    dlq.pipeInput(
        new TestRecord<>(
            "x".repeat(65).getBytes(StandardCharsets.UTF_8),
            new byte[] {1},
            headers,
            harness.now()));
    dlq.pipeInput(
        new TestRecord<>(
            "p-8".getBytes(StandardCharsets.UTF_8), new byte[] {1}, headers, harness.now()));
    // then
    assertThat(indexStoreSize()).isEqualTo(1);
    assertThat(indexed("p-8"))
        .isEqualTo(new KeyValue<>("UNDESERIALIZABLE", new Origin("payment-notify-dlq", 0, 2)));
  }

  private PaymentStatus inFlight(final String id) {
    final KeyValueStore<String, NotificationState> store =
        harness.driver.getKeyValueStore(ProcessorNames.IN_FLIGHT_STORE);
    final NotificationState state = store.get(id);
    return state == null ? null : state.status();
  }

  private Optional<PaymentStatus> finished(final String id) {
    final WindowStore<String, FinishedPayment> store =
        harness.driver.getWindowStore(ProcessorNames.DONE_STORE);
    return FinishedPayments.latest(store, id, harness.now());
  }

  /** The reason and the coordinates of the payment's latest DLQ record. */
  private KeyValue<String, Origin> indexed(final String id) {
    final WindowStore<String, DeadLetterIndexEntry> store =
        harness.driver.getWindowStore(ProcessorNames.DEAD_LETTER_INDEX_STORE);
    try (WindowStoreIterator<DeadLetterIndexEntry> it =
        store.backwardFetch(id, Instant.EPOCH, harness.now())) {
      assertThat(it.hasNext()).as("an index entry for %s", id).isTrue();
      final DeadLetterIndexEntry entry = it.next().value;
      return new KeyValue<>(entry.getReason(), Origin.of(entry.getRecord()));
    }
  }

  private long indexStoreSize() {
    final WindowStore<String, DeadLetterIndexEntry> store =
        harness.driver.getWindowStore(ProcessorNames.DEAD_LETTER_INDEX_STORE);
    try (var all = store.all()) {
      long count = 0;
      while (all.hasNext()) {
        all.next();
        count++;
      }
      return count;
    }
  }
}
