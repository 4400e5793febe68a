package io.paymentnotifier.avro;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format bytes into generated Avro records: the writer schema comes from the
 * registry, the reader schema from the generated class, so older and newer writers both resolve.
 *
 * <p>Bytes that can never be read raise {@link UnreadableRecordException}; a registry that cannot
 * answer raises {@link RegistryUnavailableException}, so the caller retries instead of
 * dead-lettering a good record.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final ConcurrentMap<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
  private final Class<T> type;
  private final RegistryClientRef registry;

  /** A deserializer that reads each record as the generated class named by its writer schema. */
  public SpecificAvroDeserializer() {
    this(null, null);
  }

  /**
   * A deserializer reading into {@code type} (null: the class named by the writer schema) from
   * {@code client} (null: the one {@code schema.registry.url} names).
   */
  public SpecificAvroDeserializer(final Class<T> type, final SchemaRegistryClient client) {
    this.type = type;
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
    registry.createIfMissing(new AvroSerdeConfig(configs));
  }

  @Override
  public T deserialize(final String topic, final byte[] data) {
    if (data == null) {
      return null;
    }
    if (registry.get() == null) {
      throw new IllegalStateException("configure() the deserializer before use");
    }
    final int id = WireFormat.schemaId(data);
    final DatumReader<T> reader = readerFor(id);
    try {
      final BoundedDecoder decoder = new BoundedDecoder(data, WireFormat.HEADER_SIZE);
      final T record = reader.read(null, decoder);
      if (decoder.remaining() > 0) {
        throw new UnreadableRecordException(
            "Record with schema id " + id + " has bytes left after the Avro datum");
      }
      return record;
    } catch (final IOException | RuntimeException e) {
      if (e instanceof UnreadableRecordException unreadable) {
        throw unreadable;
      }
      throw new UnreadableRecordException(
          "Record with schema id " + id + " is not valid Avro for its schema: " + e, e);
    }
  }

  private DatumReader<T> readerFor(final int id) {
    final DatumReader<T> cached = readers.get(id);
    if (cached != null) {
      return cached;
    }
    final Schema writer = writerSchema(id);
    final DatumReader<T> reader = new SpecificDatumReader<>(writer, readerSchema(id, writer));
    readers.putIfAbsent(id, reader);
    return reader;
  }

  private Schema writerSchema(final int id) {
    try {
      return registry.get().schemaById(id);
    } catch (final SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw new UnreadableRecordException("Schema id " + id + " is unknown to the registry", e);
      }
      if (e.errorCode() == SchemaRegistryException.INVALID_SCHEMA) {
        throw new UnreadableRecordException("Schema id " + id + " is not a usable Avro schema", e);
      }
      // Auth or server-side refusals are about us or the registry, never about the record.
      throw new RegistryUnavailableException("Registry refused schema id " + id, e);
    }
  }

  private Schema readerSchema(final int id, final Schema writer) {
    if (type != null) {
      return SpecificData.get().getSchema(type);
    }
    if (SpecificData.get().getClass(writer) == null) {
      throw new UnreadableRecordException(
          "Schema id " + id + " names " + writer.getFullName() + ", which has no generated class");
    }
    return SpecificData.get().getSchema(SpecificData.get().getClass(writer));
  }
}
