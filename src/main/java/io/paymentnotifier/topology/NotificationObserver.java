package io.paymentnotifier.topology;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.notify.NotifyOutcome;
import io.paymentnotifier.retry.WaitingRetries;
import java.time.Instant;

/**
 * What the topology tells the outside world as notifications move: metrics and the per-outcome log
 * line hang off this (the ops package implements it). Called on stream threads; implementations
 * must be fast, thread-safe and must never throw.
 */
public interface NotificationObserver {

  /** Observes nothing. */
  NotificationObserver NONE = new NotificationObserver() {};

  /** A notifyPayment call ended (any outcome); its report has latency and result code. */
  default void callCompleted(final NotifyOutcome outcome) {}

  /** A call was started; calls in flight went up by one. */
  default void callStarted() {}

  /** A call's outcome was taken by the stream thread; calls in flight went down by one. */
  default void callSettled() {}

  /**
   * Overload control held a new call back instead of sending it to its Alipay+ host (a failing
   * host, or one at its permitted rate): calls held went up by one. Not an attempt.
   */
  default void callHeld(final String host) {}

  /** A held call was sent at last, or left with its task: calls held went down by one. */
  default void heldCallReleased(final String host) {}

  /** Terminal: Alipay+ acknowledged, a done record was written. */
  default void done(final NotificationDone done) {}

  /** Terminal: a dead-letter record was written. */
  default void deadLettered(final DeadLetter deadLetter) {}

  /** A retry was scheduled for the given attempt number (a counter: it is not held anywhere). */
  default void retryScheduled(
      final String paymentRequestId, final int attempt, final Instant due) {}

  /**
   * The retries waiting in one task, counted from its retry schedule: replaces whatever was last
   * reported for that task. A census of the store reports it after each pass (a pass reads a
   * bounded slice per second), and the task reports {@link WaitingRetries#NONE} when it closes here
   * (it moves to another instance, or this one stops), so an instance counts exactly the tasks it
   * runs.
   *
   * @param taskId the Kafka Streams task, e.g. "0_3"
   */
  default void retriesWaiting(final String taskId, final WaitingRetries waiting) {}

  /** A repeat of an already-notified payment was skipped. */
  default void duplicateSkipped(final String paymentRequestId) {}
}
