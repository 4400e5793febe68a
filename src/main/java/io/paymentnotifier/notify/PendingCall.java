package io.paymentnotifier.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One notifyPayment call in progress: when it started, its single outcome, and the HTTP exchange to
 * cancel once the outcome is decided (by the answer, an error or the overall timeout).
 */
final class PendingCall {

  final Instant startedAt;
  private final long startNanos;
  final CompletableFuture<NotifyOutcome> outcome = new CompletableFuture<>();
  private volatile Future<?> exchange;

  PendingCall(final Instant startedAt, final Duration timeout) {
    this.startedAt = startedAt;
    this.startNanos = System.nanoTime();
    // The JDK's shared delayer thread fires the timeout: no thread waits per call.
    outcome.completeOnTimeout(timedOut(timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
    outcome.whenComplete((done, error) -> cancelExchange());
  }

  /** Records the HTTP exchange; cancels it at once when the call already ended. */
  void sending(final Future<?> started) {
    exchange = started;
    if (outcome.isDone()) {
      cancelExchange();
    }
  }

  boolean isDone() {
    return outcome.isDone();
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** A report of a call that got no usable answer. */
  CallReport report(final Integer httpStatus, final String error) {
    return new CallReport(startedAt, elapsed(), httpStatus, null, null, null, error);
  }

  void complete(final NotifyOutcome result) {
    outcome.complete(result);
  }

  /** Ends the call as "retry later" for a reason that has no answer behind it. */
  void retryLater(final String error) {
    complete(new RetryLater(report(null, error), error));
  }

  private RetryLater timedOut(final Duration limit) {
    final String error = "no answer within the call timeout of " + limit.toMillis() + " ms";
    return new RetryLater(
        new CallReport(startedAt, limit, null, null, null, null, error), "timeout");
  }

  private void cancelExchange() {
    final Future<?> started = exchange;
    if (started != null && !started.isDone()) {
      started.cancel(true);
    }
  }
}
