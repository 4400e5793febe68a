package io.paymentnotifier.topology;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;

/**
 * One payment's status as this instance's stores hold it, in two parts that may live on different
 * instances: the notification part (in-flight and done stores, one sub-topology, one owner per
 * payment) and the dead-letter part (the dead-letter index, partitioned like the DLQ topic).
 */
public interface PaymentStatusStores extends AutoCloseable {

  /** The two parts of a payment's status, each held by the task of its own store. */
  enum Part {
    NOTIFICATION(ProcessorNames.IN_FLIGHT_STORE),
    /**
     * The notification part of a payment whose events carry a Confluent Avro string key: the same
     * stores, in the partition of those key bytes; its owner is NOT_AVAILABLE when no producer
     * writes such keys, as far as the registry says.
     */
    NOTIFICATION_AVRO_KEY(ProcessorNames.IN_FLIGHT_STORE),
    DEAD_LETTERS(ProcessorNames.DEAD_LETTER_INDEX_STORE);

    private final String store;

    Part(final String store) {
      this.store = store;
    }

    /** The store whose owner answers this part. */
    public String store() {
      return store;
    }
  }

  /**
   * The stores of this Kafka Streams client, through interactive queries; payments are looked for
   * in the partition of their UTF-8 key only.
   */
  static PaymentStatusStores of(final KafkaStreams streams) {
    return new InteractiveStatusStores(streams, null);
  }

  /**
   * The same, also in the partition of a Confluent Avro string key when the registry (these serde
   * settings) has a string key schema for the input topic.
   */
  static PaymentStatusStores of(
      final KafkaStreams streams, final Map<String, ?> registry, final String inputTopic) {
    return new InteractiveStatusStores(streams, new ConfluentKeyPlacement(registry, inputTopic));
  }

  /** Which instance holds this part of the payment, and its partition; NOT_AVAILABLE meanwhile. */
  KeyQueryMetadata owner(Part part, String paymentRequestId);

  /** The part as this instance's active task of {@code partition} holds it; empty if none does. */
  Optional<PaymentStatus> readLocal(Part part, String paymentRequestId, int partition);

  /** Releases what the stores hold beyond the Kafka Streams client (a registry client). */
  @Override
  default void close() {}
}
