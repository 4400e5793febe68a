package io.paymentnotifier.ops;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.notify.NotifyOutcome;
import io.paymentnotifier.retry.WaitingRetries;
import io.paymentnotifier.topology.NotificationObserver;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells several observers, in order. A failing observer is logged and skipped: metrics or logging
 * must never break a stream thread (the observer contract says never throw).
 */
public final class CompositeObserver implements NotificationObserver {

  private static final Logger LOG = LoggerFactory.getLogger(CompositeObserver.class);

  private final List<NotificationObserver> observers;

  public CompositeObserver(final List<NotificationObserver> observers) {
    this.observers = List.copyOf(observers);
  }

  /** One observer for all of them. */
  public static NotificationObserver of(final NotificationObserver... observers) {
    return new CompositeObserver(List.of(observers));
  }

  @Override
  public void callCompleted(final NotifyOutcome outcome) {
    each(o -> o.callCompleted(outcome));
  }

  @Override
  public void callStarted() {
    each(NotificationObserver::callStarted);
  }

  @Override
  public void callSettled() {
    each(NotificationObserver::callSettled);
  }

  @Override
  public void callHeld(final String host) {
    each(o -> o.callHeld(host));
  }

  @Override
  public void heldCallReleased(final String host) {
    each(o -> o.heldCallReleased(host));
  }

  @Override
  public void done(final NotificationDone done) {
    each(o -> o.done(done));
  }

  @Override
  public void deadLettered(final DeadLetter deadLetter) {
    each(o -> o.deadLettered(deadLetter));
  }

  @Override
  public void retryScheduled(final String paymentRequestId, final int attempt, final Instant due) {
    each(o -> o.retryScheduled(paymentRequestId, attempt, due));
  }

  @Override
  public void retriesWaiting(final String taskId, final WaitingRetries waiting) {
    each(o -> o.retriesWaiting(taskId, waiting));
  }

  @Override
  public void duplicateSkipped(final String paymentRequestId) {
    each(o -> o.duplicateSkipped(paymentRequestId));
  }

  private void each(final Consumer<NotificationObserver> call) {
    for (final NotificationObserver observer : observers) {
      try {
        call.accept(observer);
      } catch (RuntimeException e) {
        LOG.warn("Observer {} failed; carrying on", observer.getClass().getName(), e);
      }
    }
  }
}
