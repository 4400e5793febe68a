package io.paymentnotifier.topology;

import io.paymentnotifier.notify.CallPermit;
import io.paymentnotifier.notify.CallReport;
import io.paymentnotifier.notify.NotifyClient;
import io.paymentnotifier.notify.NotifyOutcome;
import io.paymentnotifier.notify.RetryLater;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One task's calls on the wire: sends them and queues their results for the task's stream thread.
 * HTTP threads only complete the call: they tell the gate's permit and the budget, and queue the
 * result.
 */
final class RunningCalls {

  private final NotifyClient client;
  private final InFlightCalls budget;
  private final NotificationObserver observer;
  private final Queue<Completion> completions = new ConcurrentLinkedQueue<>();
  private final Set<String> running = new HashSet<>();
  private volatile boolean closed;

  RunningCalls(
      final NotifyClient client, final InFlightCalls budget, final NotificationObserver observer) {
    this.client = client;
    this.budget = budget;
    this.observer = observer;
  }

  /** Sends the notification's call; its place in the budget was taken for it already. */
  void send(final NotificationState notification, final CallPermit permit) {
    final String id = notification.paymentRequestId();
    running.add(id);
    budget.started();
    observer.callStarted();
    final int attempt = notification.attempt();
    final Instant startedAt = Instant.now();
    CompletableFuture<NotifyOutcome> call;
    try {
      call = client.notify(notification.event());
    } catch (RuntimeException e) {
      call = CompletableFuture.completedFuture(failed(startedAt, e));
    }
    call.whenComplete(
        (outcome, error) -> {
          final NotifyOutcome result = outcome != null ? outcome : failed(startedAt, error);
          try {
            permit.completed(result);
          } finally {
            budget.completed();
          }
          if (!closed) {
            completions.add(new Completion(id, attempt, result));
          }
        });
  }

  /** The next result to route, or null; the call counts as settled from here on. */
  Completion nextCompletion() {
    final Completion completion = completions.poll();
    if (completion != null) {
      running.remove(completion.paymentRequestId());
      budget.settled(1);
      observer.callCompleted(completion.outcome());
      observer.callSettled();
    }
    return completion;
  }

  boolean contains(final String paymentRequestId) {
    return running.contains(paymentRequestId);
  }

  /** The task is closing: results of running calls are dropped, the next owner calls again. */
  void drop() {
    closed = true;
    budget.settled(running.size());
    running.forEach(id -> observer.callSettled());
    running.clear();
    completions.clear();
  }

  /** A call that failed without an outcome is retried like one that got no answer. */
  private static NotifyOutcome failed(final Instant startedAt, final Throwable error) {
    final String message = error.getClass().getSimpleName() + ": " + error.getMessage();
    final Duration latency = Duration.between(startedAt, Instant.now());
    return new RetryLater(
        new CallReport(startedAt, latency, null, null, null, null, message), message);
  }
}
