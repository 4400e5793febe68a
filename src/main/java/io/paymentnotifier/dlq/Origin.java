package io.paymentnotifier.dlq;

import io.paymentnotifier.events.RecordCoordinates;

/** Where a record that led to a dead letter was read: topic, partition and offset. */
public record Origin(String topic, int partition, long offset) {

  /** The origin these stored coordinates name, or null when there are none. */
  public static Origin of(final RecordCoordinates coordinates) {
    return coordinates == null
        ? null
        : new Origin(coordinates.getTopic(), coordinates.getPartition(), coordinates.getOffset());
  }

  /** The same place as stored coordinates. */
  public RecordCoordinates coordinates() {
    return RecordCoordinates.newBuilder()
        .setTopic(topic)
        .setPartition(partition)
        .setOffset(offset)
        .build();
  }

  /** {@code topic/partition/offset}. */
  public String text() {
    return topic + "/" + partition + "/" + offset;
  }
}
