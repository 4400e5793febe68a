package io.paymentnotifier.topology;

import io.paymentnotifier.dlq.DeadLetters;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.FinishedPayment;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotificationRetry;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.notify.Acknowledged;
import io.paymentnotifier.notify.NotifyOutcome;
import io.paymentnotifier.notify.Rejected;
import io.paymentnotifier.notify.RetryLater;
import io.paymentnotifier.retry.RetryPolicy;
import io.paymentnotifier.retry.RetrySchedule;
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
 * retry topic (or to the DLQ once out of attempts); a refused stored notification (its notifyUrl no
 * longer allowed) to the DLQ as INVALID_EVENT. In the same step the in-flight entry is removed, or
 * marked as waiting and indexed in the retry schedule, so the stores and the outputs commit
 * together: the retry record is the operator's view, not what releases the retry here.
 */
final class OutcomeRouter implements Processor<String, Completion, String, SpecificRecord> {

  private final RetryPolicy retryPolicy;
  private final NotificationObserver observer;
  private final DeadLetterSink deadLetters;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, NotificationState> inFlight;
  private RetrySchedule schedule;
  private FinishedPayments finished;

  OutcomeRouter(final RetryPolicy retryPolicy, final NotificationObserver observer) {
    this.retryPolicy = retryPolicy;
    this.observer = observer;
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
  public void process(final Record<String, Completion> record) {
    final Completion completion = record.value();
    final NotificationState calling = inFlight.get(completion.paymentRequestId());
    if (calling == null || !calling.awaits(completion)) {
      return; // an older call's late result: the store has moved on
    }
    final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    if (completion.isRefusal()) {
      refuse(calling, completion.refusal(), now);
      return;
    }
    final NotifyOutcome outcome = completion.outcome();
    final List<NotifyAttempt> history = new ArrayList<>(calling.history());
    history.add(Attempts.of(calling.attempt(), outcome));
    outcome.route(new Routing(calling, history, now));
  }

  /**
   * Not called again: the stored notifyUrl breaks the allowlist of this instance, which no longer
   * names a host an earlier one allowed. Dead-lettered like an invalid input event, with the
   * attempts it had.
   */
  private void refuse(final NotificationState stored, final String rule, final Instant now) {
    final String detail =
        stored.phase() == NotificationState.Phase.WAITING
            ? rule + "; attempt " + stored.attempt() + " was not made"
            : rule
                + "; attempt "
                + stored.attempt()
                + " was not resumed after a restart (the previous instance may have sent it)";
    deadLetter(DeadLetterReason.INVALID_EVENT, stored, stored.history(), detail, now);
  }

  /** Where each type of outcome goes; exhaustive because NotifyOutcome.Routes is. */
  private final class Routing implements NotifyOutcome.Routes<Void> {
    private final NotificationState calling;
    private final List<NotifyAttempt> history;
    private final Instant now;

    Routing(final NotificationState calling, final List<NotifyAttempt> history, final Instant now) {
      this.calling = calling;
      this.history = history;
      this.now = now;
    }

    @Override
    public Void acknowledged(final Acknowledged outcome) {
      done(calling, history, now);
      return null;
    }

    @Override
    public Void retryLater(final RetryLater outcome) {
      retry(calling, history, outcome.reason(), now);
      return null;
    }

    @Override
    public Void rejected(final Rejected outcome) {
      deadLetter(DeadLetterReason.REJECTED, calling, history, outcome.reason(), now);
      return null;
    }
  }

  private void done(
      final NotificationState calling, final List<NotifyAttempt> history, final Instant now) {
    final String id = calling.paymentRequestId();
    final NotificationDone record = Attempts.done(calling.event(), history);
    inFlight.delete(id);
    finished.acknowledged(record, KeyFields.fingerprint(calling.event()), now);
    context.forward(
        new Record<String, SpecificRecord>(id, record, now.toEpochMilli()),
        ProcessorNames.DONE_SINK);
    observer.done(record);
  }

  /** Waiting for the next attempt: the in-flight entry, its schedule entry and the retry record. */
  private void retry(
      final NotificationState calling,
      final List<NotifyAttempt> history,
      final String reason,
      final Instant now) {
    final Optional<Instant> due =
        retryPolicy.nextDue(calling.attempt(), history.get(0).getStartedAt(), now);
    if (due.isEmpty()) {
      final String detail =
          retryPolicy.exhaustedReason(calling.attempt()) + "; last answer: " + reason;
      deadLetter(DeadLetterReason.RETRIES_EXHAUSTED, calling, history, detail, now);
      return;
    }
    final NotificationState waiting = calling.waitingForNext(due.get(), history);
    final String id = waiting.paymentRequestId();
    inFlight.put(id, waiting);
    schedule.add(id, waiting.dueAt(), waiting.attempt(), now);
    sendRetry(id, waiting.retryRecord(), now);
    observer.retryScheduled(id, waiting.attempt(), waiting.dueAt());
  }

  private void sendRetry(final String id, final NotificationRetry retry, final Instant now) {
    final Headers headers = new RecordHeaders();
    NotifierHeaders.add(headers, NotifierHeaders.RETRY_ATTEMPT, retry.getAttempt());
    NotifierHeaders.add(headers, NotifierHeaders.RETRY_NOT_BEFORE, retry.getDueAt());
    context.forward(
        new Record<String, SpecificRecord>(id, retry, now.toEpochMilli(), headers),
        ProcessorNames.RETRY_SINK);
  }

  private void deadLetter(
      final DeadLetterReason reason,
      final NotificationState calling,
      final List<NotifyAttempt> history,
      final String detail,
      final Instant now) {
    final String id = calling.paymentRequestId();
    inFlight.delete(id);
    final int attempts = history.isEmpty() ? 0 : history.get(history.size() - 1).getAttempt();
    finished.deadLettered(id, reason, attempts, now);
    deadLetters.send(
        context, id, DeadLetters.afterAttempts(reason, calling.stored(), history, detail, now));
  }
}
