package io.paymentnotifier.topology;

import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.RecordCoordinates;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Writes each retry record to the partition its payment's input record was read from, so the retry
 * comes back to the task that holds the payment's stores, whatever bytes the producer used as the
 * input key: a key in the Confluent Avro wire format hashes to another partition than the
 * paymentRequestId the retry record is keyed by.
 *
 * <p>A retry without input coordinates (adopted from a record written before they existed) is
 * placed by its paymentRequestId, as the release that wrote that record placed it.
 */
final class InputPartitioner implements StreamPartitioner<String, NotificationRetry> {

  @Override
  public Optional<Set<Integer>> partitions(
      final String topic,
      final String key,
      final NotificationRetry retry,
      final Headers headers,
      final int partitions) {
    return inputPartition(retry, partitions);
  }

  /** Still abstract in Kafka 4.4 (deprecated for the variant with headers): the same answer. */
  @Deprecated
  @Override
  @SuppressWarnings("removal")
  public Optional<Set<Integer>> partitions(
      final String topic, final String key, final NotificationRetry retry, final int partitions) {
    return inputPartition(retry, partitions);
  }

  private static Optional<Set<Integer>> inputPartition(
      final NotificationRetry retry, final int partitions) {
    final RecordCoordinates input = retry == null ? null : retry.getInput();
    if (input == null || input.getPartition() < 0 || input.getPartition() >= partitions) {
      return Optional.empty();
    }
    return Optional.of(Set.of(input.getPartition()));
  }
}
