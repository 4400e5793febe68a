package io.paymentnotifier.topology;

import io.paymentnotifier.avro.AvroSerdeConfig;
import io.paymentnotifier.avro.AvroStringSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a payment published with a Confluent Avro string key sits: the input partition of those key
 * bytes (magic byte, the id of the {@code "string"} schema under the key's subject, the Avro
 * string), which is usually not the partition of its UTF-8 key. The schema id is looked up, never
 * registered: when the registry has no string key schema for the input topic, no producer keyed its
 * events that way, and there is no second place to look.
 */
final class ConfluentKeyPlacement implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConfluentKeyPlacement.class);

  private final AvroStringSerializer keys = new AvroStringSerializer();
  private final String inputTopic;

  /**
   * @param registry the serde settings the service reads its input with (schema.registry.url,
   *     key.subject.name.strategy, ...)
   */
  ConfluentKeyPlacement(final Map<String, ?> registry, final String inputTopic) {
    final Map<String, Object> lookupOnly = new HashMap<>(registry);
    lookupOnly.put(AvroSerdeConfig.AUTO_REGISTER, false);
    keys.configure(lookupOnly, true);
    this.inputTopic = inputTopic;
  }

  /** The key bytes a Confluent producer sent for this payment; empty when there are none. */
  Optional<byte[]> keyBytes(final String paymentRequestId) {
    try {
      return Optional.of(keys.serialize(inputTopic, paymentRequestId));
    } catch (KafkaException | IllegalStateException e) {
      // No "string" key schema under the subject (or the registry cannot say right now).
      LOG.debug("No Confluent Avro key placement for the lookup: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** The partition the producer's default partitioner picks for these key bytes. */
  static int partition(final byte[] keyBytes, final int partitions) {
    return Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
  }

  @Override
  public void close() {
    keys.close();
  }
}
