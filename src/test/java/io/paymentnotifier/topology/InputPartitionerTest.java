package io.paymentnotifier.topology;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.RecordCoordinates;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class InputPartitionerTest {

  private final InputPartitioner partitioner = new InputPartitioner();

  private static NotificationRetry retry(final RecordCoordinates input) {
    return NotificationRetry.newBuilder()
        .setEvent(aPayment("p-1").build())
        .setAttempt(2)
        .setDueAt(Instant.parse("2026-03-01T10:00:10Z"))
        .setHistory(List.of())
        .setInput(input)
        .build();
  }

  @Test
  void shouldPutARetryInThePartitionItsInputRecordWasReadFrom() {
    // given
    final NotificationRetry retry = retry(new Origin("payment-finalized", 3, 41).coordinates());
    // when
    final Optional<Set<Integer>> partitions =
        partitioner.partitions("payment-notify-retry", "p-1", retry, new RecordHeaders(), 4);
    // then
    assertThat(partitions).contains(Set.of(3));
  }

  @Test
  void shouldPlaceARetryWithoutInputCoordinatesByItsKey() {
    // when
    final Optional<Set<Integer>> partitions =
        partitioner.partitions("payment-notify-retry", "p-1", retry(null), new RecordHeaders(), 4);
    // then: the default partitioner, as the release that wrote the record without them
    assertThat(partitions).isEmpty();
  }

  @Test
  void shouldPlaceARetryByItsKeyWhenItsInputPartitionDoesNotExist() {
    // given: coordinates from a topic with more partitions than the retry topic
    final NotificationRetry retry = retry(new Origin("payment-finalized", 7, 1).coordinates());
    // when
    final Optional<Set<Integer>> partitions =
        partitioner.partitions("payment-notify-retry", "p-1", retry, new RecordHeaders(), 4);
    // then
    assertThat(partitions).isEmpty();
  }
}
