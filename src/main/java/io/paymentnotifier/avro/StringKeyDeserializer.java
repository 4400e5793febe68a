package io.paymentnotifier.avro;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record key that holds a string, in either format Confluent producers write it: plain
 * UTF-8 (Kafka's StringSerializer, confluent-kafka's StringSerializer) or the Confluent Avro wire
 * format with a {@code "string"} schema (KafkaAvroSerializer or confluent-kafka's AvroSerializer
 * given a string): magic byte 0, the schema id, then the Avro string.
 *
 * <p>Bytes starting with 0 are read as the wire format, whose schema the registry must know as an
 * Avro string: no usable key text starts with a NUL. Anything else that cannot be read as text
 * without control characters raises {@link UnreadableRecordException} whose message names the
 * format and shows the bytes as hex, never as raw text. A registry that cannot answer raises {@link
 * RegistryUnavailableException}, so the caller waits instead of refusing a good key.
 */
public class StringKeyDeserializer implements Deserializer<String> {

  private static final int HEX_SHOWN = 24;
  private static final String WIRE_FORMAT = "Confluent Avro wire format";

  private final RegistryClientRef registry;

  /** A deserializer whose registry comes from {@code schema.registry.url} at configure time. */
  public StringKeyDeserializer() {
    this(null);
  }

  /** A deserializer that resolves schema ids with this registry whatever the URL says. */
  public StringKeyDeserializer(final SchemaRegistryClient client) {
    this.registry = new RegistryClientRef(client);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    registry.createIfMissing(new AvroSerdeConfig(configs));
  }

  @Override
  public void close() {
    registry.close();
  }

  @Override
  public String deserialize(final String topic, final byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length > 0 && data[0] == WireFormat.MAGIC_BYTE) {
      return avroString(data);
    }
    return text(data, data, "plain bytes");
  }

  private String avroString(final byte[] data) {
    if (data.length < WireFormat.HEADER_SIZE) {
      throw unreadable(WIRE_FORMAT + ": " + data.length + " bytes, too short for its header", data);
    }
    final int id = WireFormat.schemaId(data);
    final String format = WIRE_FORMAT + " with schema id " + id;
    final Schema schema = schema(id, format, data);
    if (schema.getType() != Schema.Type.STRING) {
      throw unreadable(format + ": the schema is " + describe(schema) + ", not \"string\"", data);
    }
    final byte[] body;
    try {
      final BoundedDecoder decoder = new BoundedDecoder(data, WireFormat.HEADER_SIZE);
      final ByteBuffer bytes = decoder.readBytes(null);
      if (decoder.remaining() > 0) {
        throw unreadable(format + ": bytes left after the Avro string", data);
      }
      body = new byte[bytes.remaining()];
      bytes.get(body);
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableRecordException unreadable) {
        throw unreadable;
      }
      throw unreadable(format + ": not a valid Avro string: " + e.getMessage(), data);
    }
    return text(body, data, format);
  }

  private Schema schema(final int id, final String format, final byte[] data) {
    if (registry.get() == null) {
      throw new IllegalStateException("configure() the deserializer before use");
    }
    try {
      return registry.get().schemaById(id);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw unreadable(format + ": the registry does not know the id", data);
      }
      if (e.errorCode() == SchemaRegistryException.INVALID_SCHEMA) {
        throw unreadable(format + ": the schema is not an Avro schema", data);
      }
      throw new RegistryUnavailableException("Registry refused schema id " + id, e);
    }
  }

  /** Strict UTF-8 without control characters; {@code format} and the key's bytes otherwise. */
  private static String text(final byte[] utf8, final byte[] key, final String format) {
    final String text;
    try {
      final CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8));
      text = chars.toString();
    } catch (CharacterCodingException e) {
      throw unreadable(format + ", not UTF-8 text", key);
    }
    final int control = text.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
    if (control >= 0) {
      throw unreadable(
          String.format("%s: UTF-8 text with the control character U+%04X", format, control), key);
    }
    return text;
  }

  private static String describe(final Schema schema) {
    final String type = schema.getType().getName();
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> type + " " + schema.getFullName();
      default -> "\"" + type + "\"";
    };
  }

  private static UnreadableRecordException unreadable(final String problem, final byte[] key) {
    return new UnreadableRecordException("key: " + problem + " (" + hex(key) + ")");
  }

  /** The key's bytes as hex, at most the first few of them: what the key was, printably. */
  static String hex(final byte[] key) {
    final HexFormat format = HexFormat.ofDelimiter(" ");
    if (key.length <= HEX_SHOWN) {
      return "hex " + format.formatHex(key);
    }
    return "hex " + format.formatHex(key, 0, HEX_SHOWN) + " ... (" + key.length + " bytes)";
  }
}
