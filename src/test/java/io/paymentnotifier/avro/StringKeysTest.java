package io.paymentnotifier.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * String keys as Confluent producers write them, byte for byte: AvroStringSerializer writes what
 * KafkaAvroSerializer writes for a String, and StringKeyDeserializer reads that and plain UTF-8.
 */
class StringKeysTest {

  private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

  private final String scope = "string-keys-" + UUID.randomUUID();
  private final Map<String, String> registry = Map.of("schema.registry.url", "mock://" + scope);

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  private AvroStringSerializer serializer() {
    final AvroStringSerializer serializer = new AvroStringSerializer();
    serializer.configure(registry, true);
    return serializer;
  }

  private StringKeyDeserializer deserializer() {
    final StringKeyDeserializer deserializer = new StringKeyDeserializer();
    deserializer.configure(registry, true);
    return deserializer;
  }

  @Test
  void shouldWriteAStringKeyAsKafkaAvroSerializerDoesUnderTheTopicKeySubject() {
    // when
    final byte[] key = serializer().serialize("payments", "p-1");
    // then: 00 | id 1 | "p-1" (length 3 -> zig-zag 06) | 70 2d 31
    assertThat(HEX.formatHex(key)).isEqualTo("00 00 00 00 01 06 70 2d 31");
    final RegisteredSchema latest = MockSchemaRegistry.clientForScope(scope).latest("payments-key");
    assertThat(latest.id()).isOne();
    assertThat(latest.schema().toString()).isEqualTo("\"string\"");
  }

  @Test
  void shouldReadAConfluentAvroStringKeyBack() {
    // given
    final byte[] key = serializer().serialize("payments", "2026ÄÖ-1");
    // when / then
    assertThat(deserializer().deserialize("payments", key)).isEqualTo("2026ÄÖ-1");
  }

  @Test
  void shouldReadAPlainUtf8Key() {
    // when / then
    assertThat(deserializer().deserialize("payments", "p-1".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("p-1");
  }

  @Test
  void shouldRefuseAWireFormatKeyWhoseSchemaIsARecord() {
    // given
    final Schema record =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Key\",\"namespace\":\"x\","
                    + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
    final int id = MockSchemaRegistry.clientForScope(scope).register("payments-key", record);
    final byte[] key = {0, 0, 0, 0, (byte) id, 6, 'p', '-', '1'};
    // when / then
    assertThatThrownBy(() -> deserializer().deserialize("payments", key))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage(
            "key: Confluent Avro wire format with schema id "
                + id
                + ": the schema is record x.Key, not \"string\" (hex "
                + HEX.formatHex(key)
                + ")");
  }

  @Test
  void shouldRefuseAWireFormatKeyWithBytesLeftAfterTheString() {
    // given
    final byte[] written = serializer().serialize("payments", "p-1");
    final byte[] key = new byte[written.length + 1];
    System.arraycopy(written, 0, key, 0, written.length);
    // when / then
    assertThatThrownBy(() -> deserializer().deserialize("payments", key))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageStartingWith("key: Confluent Avro wire format with schema id 1: bytes left");
  }

  @Test
  void shouldRefuseAWireFormatKeyTooShortForItsHeader() {
    // when / then
    assertThatThrownBy(() -> deserializer().deserialize("payments", new byte[] {0, 0, 1}))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessage(
            "key: Confluent Avro wire format: 3 bytes, too short for its header (hex 00 00 01)");
  }

  @Test
  void shouldRefuseAWireFormatStringLongerThanTheKey() {
    // given: the Avro length says 100 bytes, three follow
    final byte[] key = {0, 0, 0, 0, 1, (byte) 200, 1, 'p', '-', '1'};
    serializer().serialize("payments", "registers id 1");
    // when / then
    assertThatThrownBy(() -> deserializer().deserialize("payments", key))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageStartingWith(
            "key: Confluent Avro wire format with schema id 1: not a valid Avro string");
  }

  @Test
  void shouldShowAtMostTheFirstBytesOfALongUnreadableKey() {
    // given
    final byte[] key = new byte[100];
    key[0] = (byte) 0xff;
    // when / then
    assertThatThrownBy(() -> deserializer().deserialize("payments", key))
        .hasMessageEndingWith(" ... (100 bytes))")
        .hasMessageContaining("hex ff 00 00");
  }
}
