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
import java.util.Optional;
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
 * thread (in process and in a short punctuator) and hands to route-outcome; the same punctuator
 * sends the calls overload control held back, once their host takes calls again. A second
 * punctuator releases due retries from the schedule, as far as their hosts take calls; a third
 * counts the task's waiting retries for the gauges. After a restore, every notification the store
 * says is being called is called (or held) again (Alipay+ is idempotent on paymentRequestId).
 *
 * <p>A stored notification was checked against the allowlist of the instance that took it in. One
 * that is called again from the store (a due retry, or a call resumed after a restore) is checked
 * against this instance's: when its notifyUrl names a host the allowlist no longer names, it is not
 * called but handed to route-outcome as a refusal, which dead-letters it as INVALID_EVENT.
 */
final class NotifyProcessor implements Processor<String, SpecificRecord, String, Completion> {

  static final Duration COMPLETION_POLL_INTERVAL = Duration.ofMillis(25);
  private static final int RELEASE_BATCH = 1_000;

  /** Due retries of hosts that take no calls now looked at per pass before the pass ends. */
  private static final int HELD_BACK_PER_PASS = 50;

  private final CallStarter.Factory callStarters;
  private final NotifyUrlRule notifyUrls;
  private ProcessorContext<String, Completion> context;
  private KeyValueStore<String, NotificationState> inFlight;
  private RetrySchedule schedule;
  private WaitingCensus census;
  private CallStarter calls;
  private String taskId;
  private boolean resumed;

  NotifyProcessor(final CallStarter.Factory callStarters, final NotifyUrlRule notifyUrls) {
    this.callStarters = callStarters;
    this.notifyUrls = notifyUrls;
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
    WaitAllowance.renew();
    if (!resumed) {
      resumed = true;
      resumeCalls();
    }
    calls.resumeHeld();
    routeCompletions();
  }

  /**
   * Calls again (or holds) every notification the store says is being called but that no call of
   * ours runs or waits for: after a restore, those of the previous owner, held ones included.
   */
  private void resumeCalls() {
    final List<NotificationState> orphans = new ArrayList<>();
    try (var it = inFlight.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value.phase() == NotificationState.Phase.CALLING && !calls.tracks(kv.key)) {
              orphans.add(kv.value);
            }
          });
    }
    for (final NotificationState orphan : orphans) {
      if (!routedAsRefusal(orphan)) {
        calls.startOrHold(orphan);
      }
    }
  }

  /**
   * Starts the due retries that can go now; the others stay waiting in the schedule, untouched,
   * until their host takes calls again and the budget has room.
   */
  private void releaseDueRetries() {
    if (calls.draining()) {
      return;
    }
    final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    int heldBack = 0;
    for (final RetrySchedule.Due due : schedule.due(now, RELEASE_BATCH)) {
      final NotificationState waiting = inFlight.get(due.paymentRequestId());
      if (waiting == null || !waiting.isReleasedAt(due.dueAt())) {
        schedule.remove(due); // stale: the entry of an attempt the store has moved past
        continue;
      }
      if (routedAsRefusal(waiting)) {
        schedule.remove(due);
        continue;
      }
      final NotificationState calling = waiting.calling(now);
      final CallStarter.Start start =
          calls.startNow(
              calling,
              () -> {
                inFlight.put(due.paymentRequestId(), calling);
                schedule.remove(due);
              });
      if (start == CallStarter.Start.NO_PLACE
          || (start == CallStarter.Start.HELD_BACK && ++heldBack >= HELD_BACK_PER_PASS)) {
        return;
      }
    }
  }

  /**
   * Hands the stored notification to route-outcome as a refusal when its notifyUrl breaks the rules
   * now; true when it did, and the notification must not be called.
   */
  private boolean routedAsRefusal(final NotificationState stored) {
    final Optional<String> violation = notifyUrls.violation(stored.event().getNotifyUrl());
    violation.ifPresent(
        rule ->
            context.forward(
                new Record<>(
                    stored.paymentRequestId(),
                    Completion.refused(stored, rule),
                    context.currentSystemTimeMs()),
                ProcessorNames.ROUTE_OUTCOME));
    return violation.isPresent();
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
