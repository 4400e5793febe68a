package io.paymentnotifier.topology;

import static io.paymentnotifier.notify.NotifyOutcome.Kind.ACKNOWLEDGED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.REJECTED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.RETRY_LATER;
import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotificationRetry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotificationRoutingTest {

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void shouldWriteOneDoneRecordWhenAlipayAcknowledges() {
    // given
    harness.client.answer(ACKNOWLEDGED);
    // when
    harness.publish(aPayment("p-1").build());
    harness.settle();
    // then
    final TestRecord<String, NotificationDone> done = harness.done.readRecord();
    assertThat(done.key()).isEqualTo("p-1");
    assertThat(done.value().getAttempts()).isEqualTo(1);
    assertThat(done.value().getAckResultCode()).isEqualTo("SUCCESS");
    assertThat(done.value().getEventId()).isEqualTo("evt-p-1");
    assertThat(harness.done.isEmpty()).isTrue();
    assertThat(harness.retry.isEmpty()).isTrue();
    assertThat(harness.dlq.isEmpty()).isTrue();
  }

  @Test
  void shouldDeadLetterAsRejectedWithTheAnswerWhenAlipayRejects() {
    // given
    harness.client.answer(REJECTED);
    // when
    harness.publish(aPayment("p-2").build());
    harness.settle();
    // then
    final TestRecord<String, DeadLetter> dead = harness.dlq.readRecord();
    assertThat(dead.key()).isEqualTo("p-2");
    assertThat(dead.value().getReason()).isEqualTo(DeadLetterReason.REJECTED);
    assertThat(dead.value().getDetail()).contains("PARAM_ILLEGAL");
    assertThat(dead.value().getHistory()).hasSize(1);
    assertThat(dead.value().getHistory().get(0).getResultCode()).isEqualTo("PARAM_ILLEGAL");
    assertThat(dead.value().getEvent().getPaymentRequestId()).isEqualTo("p-2");
    assertThat(dead.value().getOriginTopic()).isEqualTo(TopologyHarness.TOPICS.input());
    assertThat(Origin.of(dead.value().getInput()))
        .isEqualTo(new Origin(TopologyHarness.TOPICS.input(), 0, 0));
    assertThat(header(dead, NotifierHeaders.ERROR_CLASS)).isEqualTo("REJECTED");
    assertThat(harness.done.isEmpty()).isTrue();
  }

  @Test
  void shouldScheduleRetryWithNextAttemptDueTimeAndHistoryWhenAlipaySaysRetryLater() {
    // given
    harness.client.answer(RETRY_LATER);
    // when
    harness.publish(aPayment("p-3").build());
    harness.settle();
    // then
    final TestRecord<String, NotificationRetry> retry = harness.retry.readRecord();
    assertThat(retry.key()).isEqualTo("p-3");
    assertThat(retry.value().getAttempt()).isEqualTo(2);
    assertThat(retry.value().getDueAt()).isEqualTo(harness.now().plusSeconds(10));
    assertThat(retry.value().getHistory()).hasSize(1);
    assertThat(retry.value().getHistory().get(0).getOutcome()).isEqualTo("RETRY_LATER");
    assertThat(retry.value().getEvent()).isEqualTo(aPayment("p-3").build());
    assertThat(header(retry, NotifierHeaders.RETRY_ATTEMPT)).isEqualTo("2");
    assertThat(harness.done.isEmpty()).isTrue();
    assertThat(harness.dlq.isEmpty()).isTrue();
  }

  @Test
  void shouldSendTheIdenticalEventOnEveryAttempt() {
    // given
    harness.client.answer(RETRY_LATER, RETRY_LATER, ACKNOWLEDGED);
    // when
    harness.publish(aPayment("p-4").build());
    harness.settle();
    harness.advance(Duration.ofSeconds(11));
    harness.settle();
    harness.advance(Duration.ofSeconds(11));
    harness.settle();
    // then
    assertThat(harness.client.calls()).hasSize(3).containsOnly(aPayment("p-4").build());
    assertThat(harness.done.readValue().getAttempts()).isEqualTo(3);
  }

  private static String header(final TestRecord<?, ?> record, final String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
