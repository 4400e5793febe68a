package io.paymentnotifier.topology;

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
 * One task's calls: starts them within the instance's budget and queues their results for the
 * task's stream thread. Only the queue and the permit release are touched by HTTP threads.
 */
final class CallStarter {

  /** Makes the call starter of one task; {@code routeWhileWaiting} routes that task's results. */
  interface Factory {
    CallStarter create(Runnable routeWhileWaiting);
  }

  private static final Duration PERMIT_WAIT = Duration.ofMillis(5);

  private final NotifyClient client;
  private final InFlightCalls budget;
  private final NotificationObserver observer;
  private final Runnable routeWhileWaiting;
  private final Queue<Completion> completions = new ConcurrentLinkedQueue<>();
  private final Set<String> running = new HashSet<>();
  private volatile boolean closed;

  private CallStarter(
      final NotifyClient client,
      final InFlightCalls budget,
      final NotificationObserver observer,
      final Runnable routeWhileWaiting) {
    this.client = client;
    this.budget = budget;
    this.observer = observer;
    this.routeWhileWaiting = routeWhileWaiting;
  }

  static Factory factory(
      final NotifyClient client, final InFlightCalls budget, final NotificationObserver observer) {
    return routeWhileWaiting -> new CallStarter(client, budget, observer, routeWhileWaiting);
  }

  /**
   * Starts the call unless one for this payment already runs here or the instance is draining (then
   * the in-flight store keeps it for the next owner). Waits for a permit when the instance is at
   * its limit, routing this task's results meanwhile.
   */
  void start(final NotificationState notification) {
    final String id = notification.paymentRequestId();
    if (budget.draining() || running.contains(id)) {
      return;
    }
    while (!budget.tryAcquire(PERMIT_WAIT)) {
      routeWhileWaiting.run();
    }
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
          budget.release();
          if (!closed) {
            completions.add(
                new Completion(id, attempt, outcome != null ? outcome : failed(startedAt, error)));
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

  boolean running(final String paymentRequestId) {
    return running.contains(paymentRequestId);
  }

  boolean draining() {
    return budget.draining();
  }

  NotificationObserver observer() {
    return observer;
  }

  /** The task is closing: results of running calls are dropped, the next owner calls again. */
  void dropPending() {
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
