package io.paymentnotifier.topology;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.paymentnotifier.avro.RegistryUnavailableException;
import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import io.paymentnotifier.retry.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class BadInputTest {

  @Test
  void shouldDeadLetterUnreadableBytesWithRawKeyValueAndOriginAndKeepGoing() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given
      final byte[] poison = {0x00, 0x00, 0x00, 0x7f, 0x7f, 0x01, 0x02};
      // when
      harness.rawPayments.pipeInput("p-1".getBytes(StandardCharsets.UTF_8), poison);
      harness.publish(aPayment("p-2").build());
      harness.settle();
      // then
      final TestRecord<String, DeadLetter> dead = harness.dlq.readRecord();
      assertThat(dead.key()).isEqualTo("p-1");
      assertThat(dead.value().getReason()).isEqualTo(DeadLetterReason.UNDESERIALIZABLE);
      assertThat(dead.value().getRawValue().array()).isEqualTo(poison);
      assertThat(dead.value().getRawKey().array())
          .isEqualTo("p-1".getBytes(StandardCharsets.UTF_8));
      assertThat(dead.value().getOriginTopic()).isEqualTo(TopologyHarness.TOPICS.input());
      assertThat(dead.value().getOriginOffset()).isZero();
      assertThat(Origin.of(dead.value().getInput()))
          .isEqualTo(new Origin(TopologyHarness.TOPICS.input(), 0, 0));
      assertThat(harness.done.readKeyValue().key).isEqualTo("p-2");
    }
  }

  @Test
  void shouldDeadLetterATombstoneAsUndeserializable() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // when
      harness.rawPayments.pipeInput("p-3".getBytes(StandardCharsets.UTF_8), (byte[]) null);
      // then
      final DeadLetter dead = harness.dlq.readValue();
      assertThat(dead.getReason()).isEqualTo(DeadLetterReason.UNDESERIALIZABLE);
      assertThat(dead.getDetail()).contains("tombstone");
    }
  }

  @Test
  void shouldDeadLetterAnInvalidEventNamingTheFieldAndRuleAndKeepGoing() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given
      final PaymentFinalized unfinished =
          aPayment("p-4")
              .setPaymentResult(
                  PaymentResult.newBuilder().setResultStatus("U").setResultCode("X").build())
              .build();
      // when
      harness.publish(unfinished);
      harness.publish(aPayment("p-5").build());
      harness.settle();
      // then
      final DeadLetter dead = harness.dlq.readValue();
      assertThat(dead.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
      assertThat(dead.getDetail())
          .isEqualTo("paymentResult.resultStatus: must be S or F, was \"U\"");
      assertThat(dead.getEvent()).isEqualTo(unfinished);
      assertThat(harness.client.callsFor("p-4")).isZero();
      assertThat(harness.done.readKeyValue().key).isEqualTo("p-5");
    }
  }

  @Test
  void shouldDeadLetterAnUnusableNotifyUrlAsInvalidEventWithoutACall() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given: a URL the client could only sign wrongly (no path), and one it cannot reach
      harness.publish(aPayment("p-7").setNotifyUrl("https://127.0.0.1").build());
      harness.publish(aPayment("p-8").setNotifyUrl("http://127.0.0.1:70000/notify").build());
      // when
      harness.settle();
      // then
      assertThat(harness.dlq.readValuesToList())
          .extracting(DeadLetter::getReason, DeadLetter::getDetail)
          .containsExactly(
              tuple(
                  DeadLetterReason.INVALID_EVENT,
                  "notifyUrl: must have a path, which the request signature covers, was"
                      + " \"https://127.0.0.1\""),
              tuple(
                  DeadLetterReason.INVALID_EVENT, "notifyUrl: port must be 1 to 65535, was 70000"));
      assertThat(harness.client.calls()).isEmpty();
      assertThat(harness.done.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldDeadLetterANotifyUrlOffTheAllowlistNamingItsHostWithoutACall() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given: the allowlist holds 127.0.0.1 only, over https
      harness.publish(aPayment("p-9").setNotifyUrl("https://127.0.0.2/aps/notify").build());
      harness.publish(aPayment("p-10").setNotifyUrl("http://127.0.0.1/aps/notify").build());
      harness.publish(aPayment("p-11").setNotifyUrl("https://127.0.0.1/aps/notify").build());
      // when
      harness.settle();
      // then
      assertThat(harness.dlq.readValuesToList())
          .extracting(DeadLetter::getPaymentRequestId, DeadLetter::getReason, DeadLetter::getDetail)
          .containsExactly(
              tuple(
                  "p-9",
                  DeadLetterReason.INVALID_EVENT,
                  "notifyUrl: host 127.0.0.2 is not allowed (alipay.notify.url.allowed.hosts:"
                      + " 127.0.0.1)"),
              tuple(
                  "p-10",
                  DeadLetterReason.INVALID_EVENT,
                  "notifyUrl: must be https like alipay.base.url, was http to host 127.0.0.1"));
      assertThat(harness.client.calls())
          .extracting(PaymentFinalized::getPaymentRequestId)
          .containsExactly("p-11");
    }
  }

  @Test
  void shouldDeadLetterAnEventWhoseKeyIsNotItsPaymentRequestId() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // when
      harness.payments.pipeInput("other-key", aPayment("p-6").build());
      // then
      final TestRecord<String, DeadLetter> dead = harness.dlq.readRecord();
      assertThat(dead.key()).isEqualTo("p-6");
      assertThat(dead.value().getDetail()).startsWith("key: the record key must equal");
      assertThat(harness.client.calls()).isEmpty();
    }
  }

  @Test
  void shouldFailTheTaskAndNeverDeadLetterWhenTheRegistryStaysUnavailable() {
    // given
    final String scope = "mock://bad-input-" + UUID.randomUUID();
    final TopologySerdes healthy =
        TopologySerdes.fromRegistry(Map.of("schema.registry.url", scope));
    final Deserializer<PaymentFinalized> unreachable =
        (topic, bytes) -> {
          throw new RegistryUnavailableException("registry down", new IOException("refused"));
        };
    final TopologySerdes serdes =
        new TopologySerdes(
            Serdes.serdeFrom(healthy.payment().serializer(), unreachable),
            healthy.done(),
            healthy.retry(),
            healthy.deadLetter(),
            healthy.inputKey());
    final RetryPolicy policy =
        new RetryPolicy(List.of(Duration.ofSeconds(1)), 0, Duration.ofHours(1), 0, () -> 0);
    try (TopologyHarness harness = new TopologyHarness(policy, 8, serdes)) {
      // when / then
      assertThatThrownBy(() -> harness.publish(aPayment("p-7").build()))
          .hasRootCauseInstanceOf(IOException.class)
          .hasStackTraceContaining("RegistryUnavailableException");
      assertThat(harness.dlq.isEmpty()).isTrue();
      assertThat(harness.client.calls()).isEmpty();
    }
  }
}
