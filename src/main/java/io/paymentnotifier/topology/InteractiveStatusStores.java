package io.paymentnotifier.topology;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.DeadLetterIndexEntry;
import io.paymentnotifier.events.FinishedPayment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The stores read by Kafka Streams' interactive queries. Reads see only active tasks' state (with
 * transactional stores, only what is committed); a part whose task is not active here reads empty.
 */
final class InteractiveStatusStores implements PaymentStatusStores {

  /** Entries a little ahead of this instance's clock (another instance's) are still seen. */
  private static final Duration CLOCK_SLACK = Duration.ofDays(1);

  private final KafkaStreams streams;
  private final ConfluentKeyPlacement avroKeys;

  /**
   * @param avroKeys where Confluent Avro keys put a payment; null: look in the UTF-8 key's only
   */
  InteractiveStatusStores(final KafkaStreams streams, final ConfluentKeyPlacement avroKeys) {
    this.streams = streams;
    this.avroKeys = avroKeys;
  }

  @Override
  public KeyQueryMetadata owner(final Part part, final String paymentRequestId) {
    if (part == Part.NOTIFICATION_AVRO_KEY) {
      final Optional<byte[]> key =
          avroKeys == null ? Optional.empty() : avroKeys.keyBytes(paymentRequestId);
      return key.isEmpty()
          ? KeyQueryMetadata.NOT_AVAILABLE
          : metadata(part, paymentRequestId, new ByKeyBytes(key.get()));
    }
    return metadata(part, paymentRequestId, null);
  }

  /** Who holds the part's store for this key; the UTF-8 key's partition without a partitioner. */
  private KeyQueryMetadata metadata(
      final Part part,
      final String paymentRequestId,
      final StreamPartitioner<String, Void> partitioner) {
    try {
      final KeyQueryMetadata owner =
          partitioner == null
              ? streams.queryMetadataForKey(
                  part.store(), paymentRequestId, Serdes.String().serializer())
              : streams.queryMetadataForKey(part.store(), paymentRequestId, partitioner);
      return owner == null ? KeyQueryMetadata.NOT_AVAILABLE : owner;
    } catch (StreamsException | IllegalStateException notRunning) {
      return KeyQueryMetadata.NOT_AVAILABLE; // not started yet, or stopping
    }
  }

  @Override
  public void close() {
    if (avroKeys != null) {
      avroKeys.close();
    }
  }

  @Override
  public Optional<PaymentStatus> readLocal(
      final Part part, final String paymentRequestId, final int partition) {
    try {
      return Optional.of(
          part == Part.DEAD_LETTERS
              ? deadLetters(paymentRequestId, partition)
              : notification(paymentRequestId, partition));
    } catch (InvalidStateStoreException notHere) {
      return Optional.empty();
    }
  }

  private PaymentStatus notification(final String paymentRequestId, final int partition) {
    final ReadOnlyKeyValueStore<String, NotificationState> inFlight =
        store(ProcessorNames.IN_FLIGHT_STORE, QueryableStoreTypes.keyValueStore(), partition);
    final NotificationState active = inFlight.get(paymentRequestId);
    if (active != null) {
      return active.status();
    }
    final ReadOnlyWindowStore<String, FinishedPayment> done =
        store(ProcessorNames.DONE_STORE, QueryableStoreTypes.windowStore(), partition);
    return FinishedPayments.latest(done, paymentRequestId, Instant.now().plus(CLOCK_SLACK))
        .orElse(new PaymentStatus.Unknown(paymentRequestId));
  }

  private PaymentStatus deadLetters(final String paymentRequestId, final int partition) {
    final ReadOnlyWindowStore<String, DeadLetterIndexEntry> index =
        store(ProcessorNames.DEAD_LETTER_INDEX_STORE, QueryableStoreTypes.windowStore(), partition);
    try (WindowStoreIterator<DeadLetterIndexEntry> it =
        index.backwardFetch(paymentRequestId, Instant.EPOCH, Instant.now().plus(CLOCK_SLACK))) {
      if (!it.hasNext()) {
        return new PaymentStatus.Unknown(paymentRequestId);
      }
      final KeyValue<Long, DeadLetterIndexEntry> latest = it.next();
      return new PaymentStatus.DeadLettered(
          paymentRequestId,
          Instant.ofEpochMilli(latest.key),
          latest.value.getReason(),
          null,
          Origin.of(latest.value.getRecord()));
    }
  }

  private <T> T store(final String name, final QueryableStoreType<T> type, final int partition) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, type).withPartition(partition));
  }

  /** Places a payment where these key bytes put it: the producer's default partitioner. */
  private static final class ByKeyBytes implements StreamPartitioner<String, Void> {
    private final byte[] keyBytes;

    ByKeyBytes(final byte[] keyBytes) {
      this.keyBytes = keyBytes;
    }

    @Override
    public Optional<Set<Integer>> partitions(
        final String topic,
        final String key,
        final Void value,
        final Headers headers,
        final int partitions) {
      return Optional.of(Set.of(ConfluentKeyPlacement.partition(keyBytes, partitions)));
    }

    // Still abstract in Kafka 4.4, which calls the overload with headers.
    @SuppressWarnings("removal")
    @Override
    public Optional<Set<Integer>> partitions(
        final String topic, final String key, final Void value, final int partitions) {
      return partitions(topic, key, value, null, partitions);
    }
  }
}
