package io.paymentnotifier.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes strings as Confluent's KafkaAvroSerializer writes a {@code String}: the schema {@code
 * "string"} registered (or looked up) under the strategy's subject, {@code <topic>-key} for a key
 * by default, then magic byte 0, the schema id and the Avro string. The bytes a producer using
 * Confluent's serializer for its keys sends, and what {@link StringKeyDeserializer} reads.
 */
public class AvroStringSerializer implements Serializer<String> {

  /** Avro's primitive string schema, {@code "string"}, as Confluent registers it. */
  public static final Schema STRING_SCHEMA = Schema.create(Schema.Type.STRING);

  private final ConcurrentMap<String, Integer> idsBySubject = new ConcurrentHashMap<>();
  private final RegistryClientRef registry;
  private AvroSerdeConfig config;
  private SubjectNameStrategy strategy;
  private boolean isKey;

  /** A serializer whose registry comes from {@code schema.registry.url} at configure time. */
  public AvroStringSerializer() {
    this(null);
  }

  /** A serializer that uses this registry whatever the URL says. */
  public AvroStringSerializer(final SchemaRegistryClient client) {
    this.registry = new RegistryClientRef(client);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    this.config = new AvroSerdeConfig(configs);
    this.strategy = config.subjectNameStrategy(isKey);
    this.isKey = isKey;
    registry.createIfMissing(config);
  }

  @Override
  public void close() {
    registry.close();
  }

  @Override
  public byte[] serialize(final String topic, final String data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("configure() the serializer before use");
    }
    final String subject;
    try {
      subject = strategy.subject(topic, isKey, STRING_SCHEMA);
    } catch (IllegalArgumentException e) {
      throw new SerializationException("Cannot name the subject of a string: " + e.getMessage());
    }
    final int id = idsBySubject.computeIfAbsent(subject, this::resolveId);
    final byte[] body = avro(data);
    final byte[] framed = new byte[WireFormat.HEADER_SIZE + body.length];
    System.arraycopy(WireFormat.header(id), 0, framed, 0, WireFormat.HEADER_SIZE);
    System.arraycopy(body, 0, framed, WireFormat.HEADER_SIZE, body.length);
    return framed;
  }

  private int resolveId(final String subject) {
    if (config.getBoolean(AvroSerdeConfig.AUTO_REGISTER)) {
      return registry.get().register(subject, STRING_SCHEMA);
    }
    final int fixedId = config.getInt(AvroSerdeConfig.USE_SCHEMA_ID);
    return fixedId >= 0 ? fixedId : registry.get().idOf(subject, STRING_SCHEMA);
  }

  private static byte[] avro(final String data) {
    try {
      final ByteArrayOutputStream out = new ByteArrayOutputStream(data.length() + 5);
      final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      encoder.writeString(data);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }
}
