package io.paymentnotifier.topology;

import io.paymentnotifier.avro.UnreadableRecordException;
import io.paymentnotifier.dlq.DeadLetters;
import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.PendingNotification;
import io.paymentnotifier.retry.RetrySchedule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each record of the retry topic into the schedule, where notify-call releases it when due. A
 * retry record the in-flight store does not expect (an older attempt, a repeat) is dropped, as is
 * one for a payment already acknowledged; one for a payment the store does not know at all (state
 * reset, a replay) is adopted.
 */
final class RetryIntake implements Processor<byte[], byte[], String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(RetryIntake.class);

  private final Deserializer<NotificationRetry> deserializer;
  private final DeadLetterSink deadLetters;
  private final NotificationObserver observer;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, PendingNotification> inFlight;
  private RetrySchedule schedule;
  private WindowStore<String, String> done;

  RetryIntake(
      final Deserializer<NotificationRetry> deserializer, final NotificationObserver observer) {
    this.deserializer = deserializer;
    this.deadLetters = new DeadLetterSink(observer);
    this.observer = observer;
  }

  @Override
  public void init(final ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.inFlight = context.getStateStore(ProcessorNames.IN_FLIGHT_STORE);
    this.schedule = new RetrySchedule(context.getStateStore(ProcessorNames.RETRY_SCHEDULE_STORE));
    this.done = context.getStateStore(ProcessorNames.DONE_STORE);
  }

  @Override
  public void process(final Record<byte[], byte[]> record) {
    final Origin origin = Decoding.origin(context);
    final NotificationRetry retry;
    try {
      retry = Decoding.read(deserializer, origin.topic(), record.headers(), record.value());
    } catch (UnreadableRecordException e) {
      deadLetterUnreadable(record, origin, e);
      return;
    }
    final String id = retry.getEvent().getPaymentRequestId();
    final PendingNotification waiting = waitingEntry(retry, origin);
    final PendingNotification active = inFlight.get(id);
    if (active == null && isDone(id)) {
      LOG.debug("Dropped a retry record of {}: already acknowledged", id);
      return;
    } else if (active == null) {
      LOG.info("Adopting a retry of {} the in-flight store did not know", id);
      inFlight.put(id, waiting);
      observer.retryHeld(
          id, waiting.getAttempt(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
    } else if (active.getDueAt() == null || active.getAttempt() != retry.getNextAttempt()) {
      LOG.debug("Dropped a stale retry record of {} (attempt {})", id, retry.getNextAttempt());
      return;
    }
    schedule.add(waiting);
  }

  private void deadLetterUnreadable(
      final Record<byte[], byte[]> record, final Origin origin, final UnreadableRecordException e) {
    final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    final String key =
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    deadLetters.send(
        context,
        key,
        DeadLetters.undeserializable(record.key(), record.value(), origin, e.getMessage(), now));
  }

  private boolean isDone(final String id) {
    final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    try (WindowStoreIterator<String> it = done.backwardFetch(id, Instant.EPOCH, now)) {
      return it.hasNext();
    }
  }

  private static PendingNotification waitingEntry(
      final NotificationRetry retry, final Origin origin) {
    return PendingNotification.newBuilder()
        .setEvent(retry.getEvent())
        .setAttempt(retry.getNextAttempt())
        .setDueAt(retry.getDueAt())
        .setHistory(retry.getHistory())
        .setOriginTopic(origin.topic())
        .setOriginPartition(origin.partition())
        .setOriginOffset(origin.offset())
        .build();
  }
}
