package io.paymentnotifier.avro;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka Streams serde for generated Avro records in the Confluent wire format, configured with
 * the keys Confluent's {@code SpecificAvroSerde} reads.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final SpecificAvroSerializer<T> serializer;
  private final SpecificAvroDeserializer<T> deserializer;
  private final RegistryClientRef registry;

  /** A serde whose registry and record classes come from its configuration and the bytes. */
  public SpecificAvroSerde() {
    this(null, null);
  }

  /**
   * A serde reading into {@code type} (null: the class the writer schema names) through {@code
   * client} (null: the registry {@code schema.registry.url} names).
   */
  public SpecificAvroSerde(final Class<T> type, final SchemaRegistryClient client) {
    this.serializer = new SpecificAvroSerializer<>(client);
    this.deserializer = new SpecificAvroDeserializer<>(type, client);
    this.registry = new RegistryClientRef(client);
  }

  /** A configured value serde for {@code type}, in one line. */
  public static <T extends SpecificRecord> SpecificAvroSerde<T> forValues(
      final Class<T> type, final Map<String, ?> registryConfig) {
    return configured(type, registryConfig, false);
  }

  /** A configured key serde for {@code type}, in one line. */
  public static <T extends SpecificRecord> SpecificAvroSerde<T> forKeys(
      final Class<T> type, final Map<String, ?> registryConfig) {
    return configured(type, registryConfig, true);
  }

  private static <T extends SpecificRecord> SpecificAvroSerde<T> configured(
      final Class<T> type, final Map<String, ?> registryConfig, final boolean isKey) {
    final SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, null);
    serde.configure(registryConfig, isKey);
    return serde;
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    // One client (one connection pool, one cache) for both halves.
    final SchemaRegistryClient client = registry.createIfMissing(new AvroSerdeConfig(configs));
    serializer.useClient(client);
    deserializer.useClient(client);
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
    registry.close();
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
