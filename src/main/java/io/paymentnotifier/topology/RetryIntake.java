package io.paymentnotifier.topology;

import io.paymentnotifier.avro.UnreadableRecordException;
import io.paymentnotifier.dlq.DeadLetters;
import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.FinishedPayment;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.retry.RetrySchedule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the retry topic, where route-outcome has already put each retry it wrote into the stores: a
 * record this task holds is passed over without a write. Since the retry is released without
 * waiting for its record, the record may come back after that attempt was made or the payment
 * ended: then it is dropped. A record for a payment the task does not know at all (a state reset, a
 * replay of the topic) is adopted: stored as waiting and scheduled, once its event passes the same
 * validation as an input event (the allowlist may have changed since, or someone other than this
 * service wrote the record); else it is dead-lettered as INVALID_EVENT without a call.
 */
final class RetryIntake implements Processor<byte[], byte[], String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(RetryIntake.class);

  private final Deserializer<NotificationRetry> deserializer;
  private final PaymentValidator validator;
  private final DeadLetterSink deadLetters;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, NotificationState> inFlight;
  private RetrySchedule schedule;
  private FinishedPayments finished;

  RetryIntake(
      final Deserializer<NotificationRetry> deserializer,
      final PaymentValidator validator,
      final NotificationObserver observer) {
    this.deserializer = deserializer;
    this.validator = validator;
    this.deadLetters = new DeadLetterSink(observer);
  }

  @Override
  public void init(final ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.inFlight = context.getStateStore(ProcessorNames.IN_FLIGHT_STORE);
    this.schedule = new RetrySchedule(context.getStateStore(ProcessorNames.RETRY_SCHEDULE_STORE));
    this.finished =
        new FinishedPayments(
            context.<WindowStore<String, FinishedPayment>>getStateStore(ProcessorNames.DONE_STORE));
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
    final NotificationState known = inFlight.get(id);
    if (known == null && finished.ended(id, now())) {
      LOG.debug("Dropped a retry record of {}: the payment has ended", id);
    } else if (known == null) {
      adoptIfValid(retry, origin);
    } else if (known.holds(retry)) {
      indexIfMissing(known);
    } else {
      LOG.debug("Dropped a stale retry record of {} (attempt {})", id, retry.getAttempt());
    }
  }

  private void adoptIfValid(final NotificationRetry retry, final Origin origin) {
    final PaymentFinalized event = retry.getEvent();
    final Optional<String> violation = validator.violation(event.getPaymentRequestId(), event);
    if (violation.isEmpty()) {
      adopt(NotificationState.adopted(retry, origin));
      return;
    }
    final DeadLetter dead = DeadLetters.invalidEvent(event, null, origin, violation.get(), now());
    dead.setInput(retry.getInput());
    deadLetters.send(context, event.getPaymentRequestId(), dead);
  }

  private void adopt(final NotificationState waiting) {
    LOG.info("Adopting a retry of {} the in-flight store did not know", waiting.paymentRequestId());
    inFlight.put(waiting.paymentRequestId(), waiting);
    index(waiting);
  }

  /**
   * A retry this task holds is in the schedule already, unless the previous release wrote it: that
   * one indexed retries as their records came back, so one written just before an upgrade waits for
   * its record here.
   */
  private void indexIfMissing(final NotificationState waiting) {
    if (!schedule.contains(waiting.paymentRequestId(), waiting.dueAt())) {
      index(waiting);
    }
  }

  private void index(final NotificationState waiting) {
    schedule.add(
        waiting.paymentRequestId(),
        waiting.dueAt(),
        waiting.attempt(),
        waiting.waitingSince(now()));
  }

  private void deadLetterUnreadable(
      final Record<byte[], byte[]> record, final Origin origin, final UnreadableRecordException e) {
    final Instant now = now();
    final String key =
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    deadLetters.send(
        context,
        key,
        DeadLetters.undeserializable(
            record.key(), record.value(), origin, null, e.getMessage(), now));
  }

  private Instant now() {
    return Instant.ofEpochMilli(context.currentSystemTimeMs());
  }
}
