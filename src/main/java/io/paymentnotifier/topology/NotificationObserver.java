package io.paymentnotifier.topology;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.notify.NotifyOutcome;
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

  /** Terminal: Alipay+ acknowledged, a done record was written. */
  default void done(final NotificationDone done) {}

  /** Terminal: a dead-letter record was written. */
  default void deadLettered(final DeadLetter deadLetter) {}

  /** A retry was scheduled for the given attempt number. */
  default void retryScheduled(
      final String paymentRequestId, final int attempt, final Instant due) {}

  /**
   * A retry already waiting when this instance took it on: restored with its task (a rebalance or a
   * restart) or adopted from the retry topic. Not a newly scheduled retry; it is released like one.
   *
   * @param scheduledAt when it started waiting, as near as is known
   */
  default void retryHeld(
      final String paymentRequestId, final int attempt, final Instant scheduledAt) {}

  /** A scheduled retry left the schedule (it was attempted, or its task moved away). */
  default void retryReleased(final int attempt, final Instant firstScheduledAt) {}

  /**
   * The same event with the payment named: ops tracks pending retries per payment, so it needs the
   * id to take the right one off its gauges. Call both forms when a retry leaves the schedule.
   */
  default void retryReleased(final String paymentRequestId, final int attempt) {}

  /** A repeat of an already-notified payment was skipped. */
  default void duplicateSkipped(final String paymentRequestId) {}
}
