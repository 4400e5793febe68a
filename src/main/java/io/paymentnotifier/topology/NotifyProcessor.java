package io.paymentnotifier.topology;

import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.RetryScheduleEntry;
import io.paymentnotifier.retry.RetrySchedule;
import io.paymentnotifier.retry.WaitingCensus;
import io.paymentnotifier.retry.WaitingRetries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Starts notifyPayment calls without waiting for them: each notification is written to the
 * changelogged in-flight store first, so the commit of its input offset also commits the fact that
 * it is in flight. Results come back through a queue that this processor drains on the stream
 * thread (in process and in a short punctuator) and hands to route-outcome. A second punctuator
 * releases due retries from the schedule; a third counts the task's waiting retries for the gauges.
 * After a restore, every notification the store says is being called is called again (Alipay+ is
 * idempotent on paymentRequestId).
 */
final class NotifyProcessor implements Processor<String, SpecificRecord, String, Completion> {

  static final Duration COMPLETION_POLL_INTERVAL = Duration.ofMillis(25);
  private static final int RELEASE_BATCH = 1_000;

  private final CallStarter.Factory callStarters;
  private ProcessorContext<String, Completion> context;
  private KeyValueStore<String, NotificationState> inFlight;
  private RetrySchedule schedule;
  private WaitingCensus census;
  private CallStarter calls;
  private String taskId;
  private boolean resumed;

  NotifyProcessor(final CallStarter.Factory callStarters) {
    this.callStarters = callStarters;
  }

  @Override
  public void init(final ProcessorContext<String, Completion> context) {
    this.context = context;
    this.inFlight = context.getStateStore(ProcessorNames.IN_FLIGHT_STORE);
    final KeyValueStore<String, RetryScheduleEntry> entries =
        context.getStateStore(ProcessorNames.RETRY_SCHEDULE_STORE);
    this.schedule = new RetrySchedule(entries);
    this.census = schedule.census();
    this.calls = callStarters.create(this::routeCompletions);
    this.taskId = context.taskId().toString();
    context.schedule(COMPLETION_POLL_INTERVAL, PunctuationType.WALL_CLOCK_TIME, t -> poll());
    context.schedule(
        RetrySchedule.RELEASE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, t -> releaseDueRetries());
    context.schedule(WaitingCensus.INTERVAL, PunctuationType.WALL_CLOCK_TIME, t -> countWaiting());
  }

  @Override
  public void process(final Record<String, SpecificRecord> record) {
    routeCompletions();
    final PaymentFinalized event = (PaymentFinalized) record.value();
    final NotificationState first =
        NotificationState.firstCall(
            event, Decoding.origin(context), Instant.ofEpochMilli(context.currentSystemTimeMs()));
    inFlight.put(first.paymentRequestId(), first);
    calls.start(first);
  }

  private void poll() {
    if (!resumed) {
      resumed = true;
      resumeCalls();
    }
    routeCompletions();
  }

  /** Calls again every notification the store says is being called but no call of ours runs for. */
  private void resumeCalls() {
    final List<NotificationState> orphans = new ArrayList<>();
    try (var it = inFlight.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value.phase() == NotificationState.Phase.CALLING && !calls.running(kv.key)) {
              orphans.add(kv.value);
            }
          });
    }
    orphans.forEach(calls::start);
  }

  private void releaseDueRetries() {
    if (calls.draining()) {
      return;
    }
    final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    for (final RetrySchedule.Due due : schedule.takeDue(now, RELEASE_BATCH)) {
      final NotificationState waiting = inFlight.get(due.paymentRequestId());
      if (waiting == null || !waiting.isReleasedAt(due.dueAt())) {
        continue; // stale: the entry of an attempt the store has moved past
      }
      final NotificationState calling = waiting.calling(now);
      inFlight.put(due.paymentRequestId(), calling);
      calls.start(calling);
    }
  }

  private void countWaiting() {
    census
        .step(WaitingCensus.STEP_ENTRIES)
        .ifPresent(waiting -> calls.observer().retriesWaiting(taskId, waiting));
  }

  private void routeCompletions() {
    Completion completion;
    while ((completion = calls.nextCompletion()) != null) {
      context.forward(
          new Record<>(completion.paymentRequestId(), completion, context.currentSystemTimeMs()),
          ProcessorNames.ROUTE_OUTCOME);
    }
  }

  /**
   * The task stops here (it moves to another instance, or the instance stops): its waiting retries
   * are no longer this instance's to count, and results of its running calls are dropped.
   */
  @Override
  public void close() {
    calls.dropPending();
    calls.observer().retriesWaiting(taskId, WaitingRetries.NONE);
  }
}
