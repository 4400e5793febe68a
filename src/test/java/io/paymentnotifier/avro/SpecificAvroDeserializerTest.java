package io.paymentnotifier.avro;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentnotifier.events.PaymentFinalized;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.RetriableException;
import org.junit.jupiter.api.Test;

class SpecificAvroDeserializerTest {

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final SpecificAvroSerde<PaymentFinalized> serde =
      new SpecificAvroSerde<>(PaymentFinalized.class, registry);

  SpecificAvroDeserializerTest() {
    serde.configure(java.util.Map.of("schema.registry.url", "http://unused:1"), false);
  }

  @Test
  void shouldRejectAWrongMagicByteAsUnreadable() {
    // given
    final byte[] bytes = validBytes();
    bytes[0] = 0x01;
    // when / then
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("magic byte 0x01");
  }

  @Test
  void shouldRejectAnUnknownSchemaIdAsUnreadable() {
    // given
    final byte[] bytes = validBytes();
    bytes[4] = 42;
    // when / then
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("Schema id 42 is unknown");
  }

  @Test
  void shouldRejectATruncatedBodyAsUnreadable() {
    // given
    final byte[] valid = validBytes();
    final byte[] truncated = Arrays.copyOf(valid, valid.length - 3);
    // when / then
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
        .isInstanceOf(UnreadableRecordException.class);
  }

  @Test
  void shouldRejectBytesLeftAfterTheDatumAsUnreadable() {
    // given
    final byte[] valid = validBytes();
    final byte[] padded = Arrays.copyOf(valid, valid.length + 2);
    // when / then
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", padded))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("bytes left");
  }

  @Test
  void shouldRejectAStringLengthBeyondTheRecordWithoutAllocatingIt() {
    // given: the first field (eventId) claims 1,000,000,000 bytes in a 13-byte record
    final byte[] valid = validBytes();
    final byte[] corrupt = Arrays.copyOf(valid, 13);
    final byte[] hugeLength = {(byte) 0x80, (byte) 0xa8, (byte) 0xd6, (byte) 0xb9, 0x07};
    System.arraycopy(hugeLength, 0, corrupt, 5, hugeLength.length);
    // when / then
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", corrupt))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("Declared length 1000000000 exceeds");
  }

  @Test
  void shouldRejectARecordShorterThanTheHeaderAsUnreadable() {
    // when / then
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0, 1}))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void shouldSignalARetriableOutageWhenTheRegistryCannotAnswer() {
    // given
    final byte[] bytes = validBytes();
    final SpecificAvroDeserializer<PaymentFinalized> deserializer =
        new SpecificAvroDeserializer<>(PaymentFinalized.class, new FlakyRegistry(registry, true));
    // when / then
    assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
        .isInstanceOf(RegistryUnavailableException.class)
        .isInstanceOf(RetriableException.class)
        .isNotInstanceOf(UnreadableRecordException.class);
  }

  @Test
  void shouldReadTheRecordOnceTheRegistryIsBack() {
    // given
    final byte[] bytes = validBytes();
    final FlakyRegistry flaky = new FlakyRegistry(registry, true);
    final SpecificAvroDeserializer<PaymentFinalized> deserializer =
        new SpecificAvroDeserializer<>(PaymentFinalized.class, flaky);
    assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
        .isInstanceOf(RegistryUnavailableException.class);
    // when
    flaky.down.set(false);
    // then
    assertThat(deserializer.deserialize("t", bytes).getPaymentRequestId()).isEqualTo("p-1");
  }

  private byte[] validBytes() {
    return serde.serializer().serialize("t", aPayment("p-1").build());
  }

  /** A registry whose lookups by id fail as an unreachable one does while {@code down}. */
  private static final class FlakyRegistry implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    private final AtomicBoolean down;

    FlakyRegistry(final SchemaRegistryClient delegate, final boolean down) {
      this.delegate = delegate;
      this.down = new AtomicBoolean(down);
    }

    @Override
    public int register(final String subject, final Schema schema) {
      return delegate.register(subject, schema);
    }

    @Override
    public int idOf(final String subject, final Schema schema) {
      return delegate.idOf(subject, schema);
    }

    @Override
    public Schema schemaById(final int id) {
      if (down.get()) {
        throw new RegistryUnavailableException(
            "Connection refused", new java.net.ConnectException("refused"));
      }
      return delegate.schemaById(id);
    }

    @Override
    public RegisteredSchema latest(final String subject) {
      return delegate.latest(subject);
    }
  }
}
