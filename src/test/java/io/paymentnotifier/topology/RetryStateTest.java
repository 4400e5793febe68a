package io.paymentnotifier.topology;

import static io.paymentnotifier.notify.NotifyOutcome.Kind.ACKNOWLEDGED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.REJECTED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.RETRY_LATER;
import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.RecordCoordinates;
import io.paymentnotifier.events.RetryScheduleEntry;
import io.paymentnotifier.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * One write per fact on the retry path: the task that routes a retry-later writes the in-flight
 * entry and the schedule entry with the retry record, and the record coming back changes nothing; a
 * retry record the task does not know is adopted with the payment's input coordinates.
 */
class RetryStateTest {

  private static final RetryPolicy TEN_SECONDS =
      new RetryPolicy(List.of(Duration.ofSeconds(10)), 0.0, Duration.ofHours(1), 0, () -> 0);
  private static final String APP = "notifier-test-";

  @Test
  void shouldWriteEachStoreOnceWhenTheTaskSchedulesARetryAndItsRecordComesBack() {
    try (TopologyHarness harness = new TopologyHarness(TEN_SECONDS)) {
      // given
      final TestOutputTopic<String, byte[]> schedule =
          changelog(harness, ProcessorNames.RETRY_SCHEDULE_STORE);
      final TestOutputTopic<String, byte[]> inFlight =
          changelog(harness, ProcessorNames.IN_FLIGHT_STORE);
      harness.client.answer(RETRY_LATER, ACKNOWLEDGED);
      // when: the first attempt fails; its retry record goes out and, in this driver, comes back
      harness.publish(aPayment("p-1").build());
      harness.settle();
      // then: the first call, then waiting (in-flight); one index entry (schedule)
      assertThat(harness.retry.readValuesToList()).hasSize(1);
      assertThat(inFlight.readValuesToList()).hasSize(2).allMatch(value -> value != null);
      assertThat(schedule.readKeyValuesToList())
          .singleElement()
          .satisfies(kv -> assertThat(kv.key).endsWith(":p-1"));
      // and when the retry is due: its entry leaves the schedule, the attempt is being called
      harness.advance(Duration.ofSeconds(10));
      harness.settle();
      assertThat(schedule.readValuesToList()).containsExactly((byte[]) null);
      assertThat(harness.done.readValue().getAttempts()).isEqualTo(2);
    }
  }

  @Test
  void shouldAdoptAnUnknownRetryWithItsInputAndNameTheRetryRecordAsOrigin() {
    try (TopologyHarness harness = new TopologyHarness(TEN_SECONDS)) {
      // given: a retry record another instance wrote, for a payment this task never saw
      harness.client.answer(REJECTED);
      final RecordCoordinates input =
          new Origin(TopologyHarness.TOPICS.input(), 3, 41).coordinates();
      harness.retryInput.pipeInput("p-2", retry("p-2", harness.now().plusSeconds(10), input));
      // when
      harness.advance(Duration.ofSeconds(10));
      harness.settle();
      // then
      final DeadLetter dead = harness.dlq.readValue();
      assertThat(dead.getInput()).isEqualTo(input);
      assertThat(dead.getOriginTopic()).isEqualTo(TopologyHarness.TOPICS.retry());
      assertThat(dead.getOriginOffset()).isZero();
      assertThat(dead.getHistory()).hasSize(1);
    }
  }

  @Test
  void shouldDeadLetterAnUnknownRetryWhoseNotifyUrlIsOffTheAllowlistWithoutACall() {
    try (TopologyHarness harness = new TopologyHarness(TEN_SECONDS)) {
      // given: a retry record this service did not write, pointing elsewhere
      final RecordCoordinates input =
          new Origin(TopologyHarness.TOPICS.input(), 0, 7).coordinates();
      final NotificationRetry elsewhere = retry("p-5", harness.now().plusSeconds(10), input);
      elsewhere.getEvent().setNotifyUrl("https://127.0.0.2/aps/notify");
      // when
      harness.retryInput.pipeInput("p-5", elsewhere);
      harness.advance(Duration.ofSeconds(10));
      harness.settle();
      // then
      final DeadLetter dead = harness.dlq.readValue();
      assertThat(dead.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
      assertThat(dead.getDetail()).startsWith("notifyUrl: host 127.0.0.2 is not allowed");
      assertThat(dead.getInput()).isEqualTo(input);
      assertThat(dead.getOriginTopic()).isEqualTo(TopologyHarness.TOPICS.retry());
      assertThat(harness.client.calls()).isEmpty();
    }
  }

  @Test
  void shouldScheduleAHeldRetryThatThePreviousReleaseLeftToItsRecord() {
    try (TopologyHarness harness = new TopologyHarness(TEN_SECONDS)) {
      // given: waiting in the in-flight store, not yet in the schedule (the previous release
      // indexed a retry only when its record came back from the retry topic)
      harness.client.answer(ACKNOWLEDGED);
      final Instant due = harness.now().plusSeconds(10);
      final NotificationRetry record = retry("p-3", due, null);
      final KeyValueStore<String, NotificationState> inFlight =
          harness.driver.getKeyValueStore(ProcessorNames.IN_FLIGHT_STORE);
      inFlight.put("p-3", NotificationState.adopted(record, new Origin("in", 0, 0)));
      // when
      harness.retryInput.pipeInput("p-3", record);
      harness.advance(Duration.ofSeconds(10));
      harness.settle();
      // then
      assertThat(harness.client.callsFor("p-3")).isEqualTo(1);
      assertThat(harness.done.readValue().getPaymentRequestId()).isEqualTo("p-3");
    }
  }

  @Test
  void shouldDropARetryRecordThatComesBackAfterItsPaymentWasDeadLettered() {
    try (TopologyHarness harness = new TopologyHarness(TEN_SECONDS)) {
      // given: p-5 retried once and was rejected before its retry record came back
      harness.client.answer(RETRY_LATER, REJECTED);
      harness.publish(aPayment("p-5").build());
      harness.settle();
      final NotificationRetry written = harness.retry.readValue();
      harness.advance(Duration.ofSeconds(10));
      harness.settle();
      assertThat(harness.dlq.readValuesToList()).hasSize(1);
      // when: the retry record arrives late, as it can from a real broker
      harness.retryInput.pipeInput("p-5", written);
      harness.advance(Duration.ofSeconds(20));
      harness.settle();
      // then: not adopted, so no third call and no second dead letter
      assertThat(harness.client.callsFor("p-5")).isEqualTo(2);
      assertThat(harness.dlq.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldDropARetryRecordOfAnAttemptTheStoreHasMovedPast() {
    try (TopologyHarness harness = new TopologyHarness(TEN_SECONDS)) {
      // given: p-4 waits for attempt 2
      harness.client.answer(RETRY_LATER, ACKNOWLEDGED);
      harness.publish(aPayment("p-4").build());
      harness.settle();
      final KeyValueStore<String, RetryScheduleEntry> schedule =
          harness.driver.getKeyValueStore(ProcessorNames.RETRY_SCHEDULE_STORE);
      // when: a stale record of another attempt arrives (a repeat, an old replay)
      harness.retryInput.pipeInput("p-4", retry("p-4", harness.now().plusSeconds(2), null));
      harness.advance(Duration.ofSeconds(5));
      harness.settle();
      final long callsBeforeDue = harness.client.callsFor("p-4");
      harness.advance(Duration.ofSeconds(5));
      harness.settle();
      // then: called once more, at its own due time, and nothing left in the schedule
      assertThat(callsBeforeDue).isEqualTo(1);
      assertThat(harness.client.callsFor("p-4")).isEqualTo(2);
      assertThat(harness.done.readValuesToList()).hasSize(1);
      try (var all = schedule.all()) {
        assertThat(all.hasNext()).isFalse();
      }
    }
  }

  private static NotificationRetry retry(
      final String id, final Instant due, final RecordCoordinates input) {
    return NotificationRetry.newBuilder()
        .setEvent(aPayment(id).build())
        .setAttempt(2)
        .setDueAt(due)
        .setHistory(List.of())
        .setInput(input)
        .build();
  }

  private static TestOutputTopic<String, byte[]> changelog(
      final TopologyHarness harness, final String store) {
    return harness.driver.createOutputTopic(
        APP + store + "-changelog", new StringDeserializer(), new ByteArrayDeserializer());
  }
}
