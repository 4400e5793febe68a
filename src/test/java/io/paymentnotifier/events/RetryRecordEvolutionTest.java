package io.paymentnotifier.events;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.avro.InMemorySchemaRegistry;
import io.paymentnotifier.avro.SpecificAvroSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * Retry records written before the attempt field took its one name (it was nextAttempt) still read,
 * through the real serde and the registry's writer schema: the alias maps the old name.
 */
class RetryRecordEvolutionTest {

  @Test
  void shouldReadTheAttemptOfARetryRecordWrittenWithThePreviousSchema() throws IOException {
    // given
    final Schema previous = SchemaCompatibilityTest.previousVersions().get("NotificationRetry");
    assertThat(previous.getField("nextAttempt")).isNotNull();
    final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    final int id = registry.register("payment-notify-retry-value", previous);
    final NotificationRetry written =
        NotificationRetry.newBuilder()
            .setEvent(aPayment("p-1").build())
            .setAttempt(3)
            .setDueAt(Instant.parse("2026-03-01T10:00:10Z"))
            .setHistory(List.of())
            .build();
    // when
    final NotificationRetry read;
    try (SpecificAvroSerde<NotificationRetry> serde =
        new SpecificAvroSerde<>(NotificationRetry.class, registry)) {
      serde.configure(Map.of("schema.registry.url", "http://unused:1"), false);
      read = serde.deserializer().deserialize("payment-notify-retry", wire(id, previous, written));
    }
    // then
    assertThat(read.getAttempt()).isEqualTo(3);
    assertThat(read.getEvent()).isEqualTo(written.getEvent());
    assertThat(read.getInput()).isNull();
  }

  /** The record in the Confluent wire format, its fields written by the previous schema. */
  private static byte[] wire(final int id, final Schema writer, final NotificationRetry record)
      throws IOException {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Confluent wire format: magic byte 0, then the schema id as 4 big-endian bytes.
    out.writeBytes(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
    final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<NotificationRetry>(writer).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
