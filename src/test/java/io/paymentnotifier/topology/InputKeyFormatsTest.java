package io.paymentnotifier.topology;

import static io.paymentnotifier.notify.NotifyOutcome.Kind.ACKNOWLEDGED;
import static io.paymentnotifier.notify.NotifyOutcome.Kind.RETRY_LATER;
import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.avro.AvroStringSerializer;
import io.paymentnotifier.avro.MockSchemaRegistry;
import io.paymentnotifier.avro.SchemaRegistryClient;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.PaymentFinalized;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Input keys in the formats producers write: plain UTF-8, the Confluent Avro wire format with a
 * "string" schema, and the ones the service cannot read, which dead-letter the event with a
 * printable detail naming the format.
 */
class InputKeyFormatsTest {

  private static byte[] framed(final int schemaId, final byte... body) {
    return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(schemaId).put(body).array();
  }

  private static Serializer<String> avroKeys(final TopologyHarness harness) {
    final AvroStringSerializer serializer = new AvroStringSerializer();
    serializer.configure(harness.registryConfig(), true);
    return serializer;
  }

  private static SchemaRegistryClient registry(final TopologyHarness harness) {
    final String url = harness.registryConfig().get("schema.registry.url");
    return MockSchemaRegistry.clientForScope(url.substring("mock://".length()));
  }

  private static DeadLetter deadLetterOf(final TopologyHarness harness, final byte[] key) {
    harness.keyedPayments.pipeInput(key, aPayment("p-1").build(), harness.now());
    harness.settle();
    final TestRecord<String, DeadLetter> dead = harness.dlq.readRecord();
    assertThat(dead.key()).isEqualTo("p-1");
    assertThat(dead.value().getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
    assertThat(dead.value().getEvent().getPaymentRequestId()).isEqualTo("p-1");
    assertThat(dead.value().getRawKey().array()).isEqualTo(key);
    assertThat(harness.client.calls()).isEmpty();
    return dead.value();
  }

  @Test
  void shouldNotifyAnEventWhoseKeyIsAConfluentAvroString() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given
      final byte[] key = avroKeys(harness).serialize(TopologyHarness.TOPICS.input(), "p-1");
      // when
      harness.keyedPayments.pipeInput(key, aPayment("p-1").build(), harness.now());
      harness.settle();
      // then
      assertThat(key[0]).isZero();
      assertThat(harness.done.readKeyValue().key).isEqualTo("p-1");
      assertThat(harness.client.callsFor("p-1")).isOne();
      assertThat(harness.dlq.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldStillNotifyAnEventWhoseKeyIsPlainUtf8() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // when
      harness.keyedPayments.pipeInput(
          "p-1".getBytes(StandardCharsets.UTF_8), aPayment("p-1").build(), harness.now());
      harness.settle();
      // then
      assertThat(harness.done.readKeyValue().key).isEqualTo("p-1");
    }
  }

  @Test
  void shouldDeadLetterAnAvroStringKeyThatIsNotThePaymentRequestId() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given
      final byte[] key = avroKeys(harness).serialize(TopologyHarness.TOPICS.input(), "p-9");
      // when
      final DeadLetter dead = deadLetterOf(harness, key);
      // then
      assertThat(dead.getDetail())
          .isEqualTo("key: the record key must equal paymentRequestId, was \"p-9\"");
    }
  }

  @Test
  void shouldDeadLetterAKeyWhoseSchemaIsNotAString() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given: a key written with the Avro schema "long"
      final int id =
          registry(harness)
              .register(TopologyHarness.TOPICS.input() + "-key", Schema.create(Schema.Type.LONG));
      final byte[] key = framed(id, (byte) 0x02);
      // when
      final DeadLetter dead = deadLetterOf(harness, key);
      // then
      assertThat(dead.getDetail())
          .isEqualTo(
              "key: Confluent Avro wire format with schema id "
                  + id
                  + ": the schema is \"long\", not \"string\" (hex "
                  + HexFormat.ofDelimiter(" ").formatHex(key)
                  + ")");
    }
  }

  @Test
  void shouldDeadLetterAKeyWithASchemaIdTheRegistryDoesNotKnow() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given
      final byte[] key = framed(4242, (byte) 0x06, (byte) 'p', (byte) '-', (byte) '1');
      // when
      final DeadLetter dead = deadLetterOf(harness, key);
      // then
      assertThat(dead.getDetail())
          .isEqualTo(
              "key: Confluent Avro wire format with schema id 4242: the registry does not know"
                  + " the id (hex 00 00 00 10 92 06 70 2d 31)");
    }
  }

  @Test
  void shouldDeadLetterAKeyThatIsNotUtf8WithItsBytesAsHex() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given
      final byte[] key = {(byte) 0xff, (byte) 0xfe, 0x70};
      // when
      final DeadLetter dead = deadLetterOf(harness, key);
      // then
      assertThat(dead.getDetail()).isEqualTo("key: plain bytes, not UTF-8 text (hex ff fe 70)");
    }
  }

  @Test
  void shouldDeadLetterAKeyWithControlCharactersWithoutPrintingThem() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given: text that would clear an operator's terminal
      final byte[] key = "p-1\u001b[2J".getBytes(StandardCharsets.UTF_8);
      // when
      final DeadLetter dead = deadLetterOf(harness, key);
      // then
      assertThat(dead.getDetail())
          .isEqualTo(
              "key: plain bytes: UTF-8 text with the control character U+001B"
                  + " (hex 70 2d 31 1b 5b 32 4a)");
      assertThat(dead.getDetail().codePoints().noneMatch(Character::isISOControl)).isTrue();
    }
  }

  @Test
  void shouldKeyTheDeadLetterOfAnUnreadableValueByItsAvroStringKey() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given
      final byte[] key = avroKeys(harness).serialize(TopologyHarness.TOPICS.input(), "p-1");
      // when
      harness.rawPayments.pipeInput(key, "not avro".getBytes(StandardCharsets.UTF_8));
      // then
      final TestRecord<String, DeadLetter> dead = harness.dlq.readRecord();
      assertThat(dead.key()).isEqualTo("p-1");
      assertThat(dead.value().getReason()).isEqualTo(DeadLetterReason.UNDESERIALIZABLE);
      assertThat(dead.value().getRawKey().array()).isEqualTo(key);
    }
  }

  @Test
  void shouldRetryAnAvroKeyedPaymentUnderItsPaymentRequestId() {
    try (TopologyHarness harness = new TopologyHarness()) {
      // given
      harness.client.answer(RETRY_LATER, ACKNOWLEDGED);
      final PaymentFinalized payment = aPayment("p-1").build();
      final byte[] key = avroKeys(harness).serialize(TopologyHarness.TOPICS.input(), "p-1");
      // when
      harness.keyedPayments.pipeInput(key, payment, harness.now());
      harness.settle();
      harness.advance(Duration.ofSeconds(10));
      harness.settle();
      // then
      assertThat(harness.retry.readKeyValue().key).isEqualTo("p-1");
      assertThat(harness.done.readValue().getAttempts()).isEqualTo(2);
      assertThat(harness.client.callsFor("p-1")).isEqualTo(2);
    }
  }
}
