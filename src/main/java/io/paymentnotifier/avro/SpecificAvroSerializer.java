package io.paymentnotifier.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in the Confluent wire format, registering or looking up the schema
 * as configured.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private record SubjectSchema(String subject, Schema schema) {}

  private final ConcurrentMap<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
  private final ConcurrentMap<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();
  private final RegistryClientRef registry;
  private AvroSerdeConfig config;
  private SubjectNameStrategy strategy;
  private boolean isKey;
  private LatestVersionWriter latestVersionWriter;

  /** A serializer whose registry comes from {@code schema.registry.url} at configure time. */
  public SpecificAvroSerializer() {
    this(null);
  }

  /** A serializer that uses this registry whatever the URL says. */
  public SpecificAvroSerializer(final SchemaRegistryClient client) {
    this.registry = new RegistryClientRef(client);
  }

  /** Shares a registry client the caller owns (the serde's), unless one was given already. */
  void useClient(final SchemaRegistryClient shared) {
    registry.shareIfMissing(shared);
  }

  @Override
  public void close() {
    registry.close();
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    this.config = new AvroSerdeConfig(configs);
    this.isKey = isKey;
    this.strategy = config.subjectNameStrategy(isKey);
    // Confluent's order: auto-register and a fixed id win over use.latest.version.
    final boolean useLatest =
        config.getBoolean(AvroSerdeConfig.USE_LATEST_VERSION)
            && !config.getBoolean(AvroSerdeConfig.AUTO_REGISTER)
            && config.getInt(AvroSerdeConfig.USE_SCHEMA_ID) < 0;
    this.latestVersionWriter =
        useLatest
            ? new LatestVersionWriter(
                config.getBoolean(AvroSerdeConfig.LATEST_COMPATIBILITY_STRICT))
            : null;
    registry.createIfMissing(config);
  }

  @Override
  public byte[] serialize(final String topic, final T data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("configure() the serializer before use");
    }
    final Schema schema = data.getSchema();
    final SubjectSchema key = new SubjectSchema(strategy.subject(topic, isKey, schema), schema);
    try {
      if (latestVersionWriter != null) {
        final RegisteredSchema latest = registry.get().latest(key.subject());
        if (!latest.schema().equals(schema)) {
          return framed(latest.id(), latestVersionWriter.write(data, latest));
        }
        return framed(latest.id(), ownBody(data));
      }
      return framed(ids.computeIfAbsent(key, this::resolveId), ownBody(data));
    } catch (final KafkaException e) {
      throw e; // registry outcomes and our own refusals keep their type
    } catch (final IOException | RuntimeException e) {
      // Avro reports a null in a non-nullable field as a NullPointerException.
      throw new SerializationException("Cannot write " + schema.getFullName() + " as Avro", e);
    }
  }

  private byte[] ownBody(final T data) throws IOException {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    writers.computeIfAbsent(data.getSchema(), SpecificDatumWriter::new).write(data, encoder);
    return out.toByteArray();
  }

  private static byte[] framed(final int id, final byte[] body) {
    final byte[] framed = new byte[WireFormat.HEADER_SIZE + body.length];
    System.arraycopy(WireFormat.header(id), 0, framed, 0, WireFormat.HEADER_SIZE);
    System.arraycopy(body, 0, framed, WireFormat.HEADER_SIZE, body.length);
    return framed;
  }

  private int resolveId(final SubjectSchema key) {
    if (config.getBoolean(AvroSerdeConfig.AUTO_REGISTER)) {
      return registry.get().register(key.subject(), key.schema());
    }
    final int fixedId = config.getInt(AvroSerdeConfig.USE_SCHEMA_ID);
    if (fixedId >= 0) {
      return fixedId;
    }
    try {
      return registry.get().idOf(key.subject(), key.schema());
    } catch (final SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw new SerializationException(
            "Schema "
                + key.schema().getFullName()
                + " is not registered under subject "
                + key.subject()
                + " and auto.register.schemas=false",
            e);
      }
      throw e;
    }
  }
}
