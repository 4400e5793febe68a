package io.paymentnotifier.topology;

import io.paymentnotifier.dlq.DeadLetters;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.PendingNotification;
import io.paymentnotifier.notify.Acknowledged;
import io.paymentnotifier.notify.NotifyOutcome;
import io.paymentnotifier.notify.Rejected;
import io.paymentnotifier.notify.RetryLater;
import io.paymentnotifier.retry.RetryPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Routes a finished call: acknowledged to the done topic, rejected to the DLQ, retry-later to the
 * retry topic (or to the DLQ once out of attempts). The in-flight entry is removed, or marked as
 * waiting, in the same step, so the store and the outputs commit together.
 */
final class OutcomeRouter implements Processor<String, Completion, String, SpecificRecord> {

  private final RetryPolicy retryPolicy;
  private final NotificationObserver observer;
  private final DeadLetterSink deadLetters;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, PendingNotification> inFlight;
  private WindowStore<String, String> done;

  OutcomeRouter(final RetryPolicy retryPolicy, final NotificationObserver observer) {
    this.retryPolicy = retryPolicy;
    this.observer = observer;
    this.deadLetters = new DeadLetterSink(observer);
  }

  @Override
  public void init(final ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.inFlight = context.getStateStore(ProcessorNames.IN_FLIGHT_STORE);
    this.done = context.getStateStore(ProcessorNames.DONE_STORE);
  }

  @Override
  public void process(final Record<String, Completion> record) {
    final Completion completion = record.value();
    final String id = completion.paymentRequestId();
    final PendingNotification pending = inFlight.get(id);
    if (pending == null
        || pending.getDueAt() != null
        || pending.getAttempt() != completion.attempt()) {
      return; // an older call's late result: the store has moved on
    }
    final NotifyOutcome outcome = completion.outcome();
    final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    final List<NotifyAttempt> history = new ArrayList<>(pending.getHistory());
    history.add(Attempts.of(pending.getAttempt(), outcome));
    outcome.route(new Routing(pending, history, now));
  }

  /** Where each type of outcome goes; exhaustive because NotifyOutcome.Routes is. */
  private final class Routing implements NotifyOutcome.Routes<Void> {
    private final PendingNotification pending;
    private final List<NotifyAttempt> history;
    private final Instant now;

    Routing(
        final PendingNotification pending, final List<NotifyAttempt> history, final Instant now) {
      this.pending = pending;
      this.history = history;
      this.now = now;
    }

    @Override
    public Void acknowledged(final Acknowledged outcome) {
      OutcomeRouter.this.acknowledged(pending, history, now);
      return null;
    }

    @Override
    public Void retryLater(final RetryLater outcome) {
      OutcomeRouter.this.retryLater(pending, history, outcome.reason(), now);
      return null;
    }

    @Override
    public Void rejected(final Rejected outcome) {
      deadLetter(DeadLetterReason.REJECTED, pending, history, outcome.reason(), now);
      return null;
    }
  }

  private void acknowledged(
      final PendingNotification pending, final List<NotifyAttempt> history, final Instant now) {
    final String id = pending.getEvent().getPaymentRequestId();
    final NotificationDone record = Attempts.done(pending.getEvent(), history);
    inFlight.delete(id);
    done.put(id, KeyFields.fingerprint(pending.getEvent()), now.toEpochMilli());
    context.forward(
        new Record<String, SpecificRecord>(id, record, now.toEpochMilli()),
        ProcessorNames.DONE_SINK);
    observer.done(record);
  }

  private void retryLater(
      final PendingNotification pending,
      final List<NotifyAttempt> history,
      final String reason,
      final Instant now) {
    final Optional<Instant> due =
        retryPolicy.nextDue(pending.getAttempt(), history.get(0).getStartedAt(), now);
    if (due.isEmpty()) {
      final String detail =
          retryPolicy.exhaustedReason(pending.getAttempt()) + "; last answer: " + reason;
      deadLetter(DeadLetterReason.RETRIES_EXHAUSTED, pending, history, detail, now);
      return;
    }
    final String id = pending.getEvent().getPaymentRequestId();
    final int next = pending.getAttempt() + 1;
    inFlight.put(
        id,
        PendingNotification.newBuilder(pending)
            .setAttempt(next)
            .setDueAt(due.get())
            .setHistory(history)
            .build());
    final NotificationRetry retry =
        NotificationRetry.newBuilder()
            .setEvent(pending.getEvent())
            .setNextAttempt(next)
            .setDueAt(due.get())
            .setHistory(history)
            .build();
    sendRetry(id, retry, now);
    observer.retryScheduled(id, next, due.get());
  }

  private void sendRetry(final String id, final NotificationRetry retry, final Instant now) {
    final Headers headers = new RecordHeaders();
    NotifierHeaders.add(headers, NotifierHeaders.RETRY_ATTEMPT, retry.getNextAttempt());
    NotifierHeaders.add(headers, NotifierHeaders.RETRY_NOT_BEFORE, retry.getDueAt());
    context.forward(
        new Record<String, SpecificRecord>(id, retry, now.toEpochMilli(), headers),
        ProcessorNames.RETRY_SINK);
  }

  private void deadLetter(
      final DeadLetterReason reason,
      final PendingNotification pending,
      final List<NotifyAttempt> history,
      final String detail,
      final Instant now) {
    final String id = pending.getEvent().getPaymentRequestId();
    inFlight.delete(id);
    deadLetters.send(context, id, DeadLetters.afterAttempts(reason, pending, history, detail, now));
  }
}
