package io.paymentnotifier.topology;

import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PendingNotification;
import io.paymentnotifier.retry.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts notifyPayment calls without waiting for them: each notification is written to the
 * changelogged in-flight store first, so the commit of its input offset also commits the fact that
 * it is in flight. Results come back through a queue that this processor drains on the stream
 * thread (in process and in a short punctuator) and hands to route-outcome. Due retries are
 * released from the schedule by a second punctuator. After a restore, every notification the store
 * says is in flight is called again (Alipay+ is idempotent on paymentRequestId).
 */
final class NotifyProcessor implements Processor<String, SpecificRecord, String, Completion> {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyProcessor.class);

  static final Duration COMPLETION_POLL_INTERVAL = Duration.ofMillis(25);
  private static final int RELEASE_BATCH = 1_000;

  private final CallStarter.Factory callStarters;
  private ProcessorContext<String, Completion> context;
  private KeyValueStore<String, PendingNotification> inFlight;
  private RetrySchedule schedule;
  private CallStarter calls;
  private boolean resumed;

  NotifyProcessor(final CallStarter.Factory callStarters) {
    this.callStarters = callStarters;
  }

  @Override
  public void init(final ProcessorContext<String, Completion> context) {
    this.context = context;
    this.inFlight = context.getStateStore(ProcessorNames.IN_FLIGHT_STORE);
    this.schedule = new RetrySchedule(context.getStateStore(ProcessorNames.RETRY_SCHEDULE_STORE));
    this.calls = callStarters.create(this::routeCompletions);
    context.schedule(COMPLETION_POLL_INTERVAL, PunctuationType.WALL_CLOCK_TIME, t -> poll());
    context.schedule(
        RetrySchedule.RELEASE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, t -> releaseDueRetries());
  }

  @Override
  public void process(final Record<String, SpecificRecord> record) {
    routeCompletions();
    final PaymentFinalized event = (PaymentFinalized) record.value();
    final Origin origin = Decoding.origin(context);
    final PendingNotification notification =
        PendingNotification.newBuilder()
            .setEvent(event)
            .setAttempt(1)
            .setDueAt(null)
            .setHistory(List.of())
            .setOriginTopic(origin.topic())
            .setOriginPartition(origin.partition())
            .setOriginOffset(origin.offset())
            .build();
    inFlight.put(event.getPaymentRequestId(), notification);
    calls.start(notification);
  }

  private void poll() {
    if (!resumed) {
      resumed = true;
      resumeInFlight();
    }
    routeCompletions();
  }

  /**
   * Calls again every notification the store says is in flight but no call of ours runs for, and
   * announces the retries waiting in this task, which may have been scheduled by another instance.
   */
  private void resumeInFlight() {
    final List<PendingNotification> orphans = new java.util.ArrayList<>();
    final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    try (var it = inFlight.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value.getDueAt() != null) {
              calls
                  .observer()
                  .retryHeld(kv.key, kv.value.getAttempt(), waitingSince(kv.value, now));
            } else if (!calls.running(kv.key)) {
              orphans.add(kv.value);
            }
          });
    }
    orphans.forEach(calls::start);
  }

  /** When a waiting retry started waiting: the end of its last attempt. */
  private static Instant waitingSince(final PendingNotification retry, final Instant now) {
    final List<NotifyAttempt> history = retry.getHistory();
    if (history.isEmpty()) {
      return now;
    }
    final NotifyAttempt last = history.get(history.size() - 1);
    return last.getStartedAt().plusMillis(last.getLatencyMs());
  }

  private void releaseDueRetries() {
    if (calls.draining()) {
      return;
    }
    final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    for (final PendingNotification due : schedule.takeDue(now, RELEASE_BATCH)) {
      final String id = due.getEvent().getPaymentRequestId();
      final PendingNotification active = inFlight.get(id);
      calls.observer().retryReleased(due.getAttempt(), firstAttemptAt(due));
      calls.observer().retryReleased(id, due.getAttempt());
      if (active == null || active.getDueAt() == null || active.getAttempt() != due.getAttempt()) {
        continue; // superseded: a stale or repeated retry record
      }
      final PendingNotification calling =
          PendingNotification.newBuilder(due).setDueAt(null).build();
      inFlight.put(id, calling);
      calls.start(calling);
    }
  }

  private void routeCompletions() {
    Completion completion;
    while ((completion = calls.nextCompletion()) != null) {
      context.forward(
          new Record<>(completion.paymentRequestId(), completion, context.currentSystemTimeMs()),
          ProcessorNames.ROUTE_OUTCOME);
    }
  }

  private static Instant firstAttemptAt(final PendingNotification notification) {
    return notification.getHistory().isEmpty()
        ? notification.getDueAt()
        : notification.getHistory().get(0).getStartedAt();
  }

  /**
   * The task stops here (it moves to another instance, or the instance stops): its waiting retries
   * are no longer this instance's to count.
   */
  @Override
  public void close() {
    calls.dropPending();
    try (var it = inFlight.all()) {
      it.forEachRemaining(
          kv -> {
            if (kv.value.getDueAt() != null) {
              calls.observer().retryReleased(kv.key, kv.value.getAttempt());
            }
          });
    } catch (RuntimeException e) {
      // A task closed dirty may have lost its store; only the gauge is at stake.
      LOG.debug("Could not hand over the retry gauge of a closing task: {}", e.toString());
    }
  }
}
