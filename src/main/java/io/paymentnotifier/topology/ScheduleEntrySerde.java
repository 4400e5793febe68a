package io.paymentnotifier.topology;

import io.paymentnotifier.avro.UnreadableRecordException;
import io.paymentnotifier.events.PendingNotification;
import io.paymentnotifier.events.RetryScheduleEntry;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serde of the retry-schedule store's values. Before the schedule became an index it held a whole
 * PendingNotification per retry; such entries still read, as the entry they stand for.
 */
final class ScheduleEntrySerde {

  private ScheduleEntrySerde() {}

  static Serde<RetryScheduleEntry> create() {
    final Serde<RetryScheduleEntry> entries = AvroStateSerde.of(RetryScheduleEntry.class);
    final Deserializer<PendingNotification> copies =
        AvroStateSerde.of(PendingNotification.class, NotificationState.EARLIER_SCHEMAS)
            .deserializer();
    final Deserializer<RetryScheduleEntry> deserializer =
        (topic, bytes) -> {
          try {
            return entries.deserializer().deserialize(topic, bytes);
          } catch (UnreadableRecordException notAnEntry) {
            return fromCopy(copies.deserialize(topic, bytes));
          }
        };
    return Serdes.serdeFrom(entries.serializer(), deserializer);
  }

  private static RetryScheduleEntry fromCopy(final PendingNotification copy) {
    return RetryScheduleEntry.newBuilder()
        .setAttempt(copy.getAttempt())
        .setWaitingSince(NotificationState.restored(copy).waitingSince(copy.getDueAt()))
        .build();
  }
}
