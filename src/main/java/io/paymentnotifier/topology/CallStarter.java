package io.paymentnotifier.topology;

import io.paymentnotifier.notify.CallGate;
import io.paymentnotifier.notify.CallPermit;
import io.paymentnotifier.notify.NotifyClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One task's calls: starts them within the instance's budget when the overload control admits them,
 * and holds them back when it does not; {@link RunningCalls} sends them and queues their results
 * for the task's stream thread.
 *
 * <p>A held call is recorded in the in-flight store like a call being made (the caller wrote it),
 * but not sent: no attempt, no history entry, nothing that could lead to the DLQ. It takes a place
 * in the budget, so held calls stop the input as running ones do, and is sent from the task's
 * punctuator (or while the task waits for a place) once the gate admits it, oldest first per host.
 * Waits for a place are bounded by {@link WaitAllowance}: past it, a call is held beyond the limit.
 */
final class CallStarter {

  /** Makes the call starter of one task; {@code routeWhileWaiting} routes that task's results. */
  interface Factory {
    CallStarter create(Runnable routeWhileWaiting);
  }

  /** What became of a due retry offered to {@link #startNow}. */
  enum Start {
    /** Sent. */
    SENT,
    /** No place in the budget: no other call can start either. */
    NO_PLACE,
    /** Its host does not take it now (or the task already handles the payment). */
    HELD_BACK
  }

  private static final long PLACE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final CallGate gate;
  private final InFlightCalls budget;
  private final NotificationObserver observer;
  private final Runnable routeWhileWaiting;
  private final RunningCalls running;
  private final HeldCalls held = new HeldCalls();

  private CallStarter(
      final NotifyClient client,
      final CallGate gate,
      final InFlightCalls budget,
      final NotificationObserver observer,
      final Runnable routeWhileWaiting) {
    this.gate = gate;
    this.budget = budget;
    this.observer = observer;
    this.routeWhileWaiting = routeWhileWaiting;
    this.running = new RunningCalls(client, budget, observer);
  }

  static Factory factory(
      final NotifyClient client,
      final CallGate gate,
      final InFlightCalls budget,
      final NotificationObserver observer) {
    return routeWhileWaiting -> new CallStarter(client, gate, budget, observer, routeWhileWaiting);
  }

  /**
   * Starts a new notification's call, or holds it back, unless the task already handles the payment
   * or the instance is draining (then the in-flight store keeps it for the next owner). At the
   * budget's limit, first waits a bounded time for a place, routing this task's results and sending
   * its held calls meanwhile.
   */
  void start(final NotificationState notification) {
    if (handledOrDraining(notification)) {
      return;
    }
    awaitPlace();
    if (!budget.draining()) {
      startOrHold(notification);
    }
  }

  /** As {@link #start}, without waiting: for punctuators. */
  void startOrHold(final NotificationState notification) {
    if (handledOrDraining(notification)) {
      return;
    }
    final HeldCalls.Held call = new HeldCalls.Held(notification, gate.hostOf(notification.event()));
    held.add(call);
    budget.hold();
    resumeHeld();
    if (held.contains(notification.paymentRequestId())) {
      call.announced = true;
      observer.callHeld(call.host);
    }
  }

  /**
   * Sends a due retry now if it can go at once, after {@code beforeSending} (which records it as
   * being called); otherwise the retry stays waiting, untouched. Never waits.
   */
  Start startNow(final NotificationState calling, final Runnable beforeSending) {
    final String host = gate.hostOf(calling.event());
    if (handledOrDraining(calling) || held.waitingFor(host)) {
      return Start.HELD_BACK;
    }
    if (!budget.sendNew()) {
      return Start.NO_PLACE;
    }
    final Optional<CallPermit> permit = gate.tryAdmit(host);
    if (permit.isEmpty()) {
      budget.unsendNew();
      return Start.HELD_BACK;
    }
    beforeSending.run();
    running.send(calling, permit.get());
    return Start.SENT;
  }

  /** Sends held calls, oldest first per host, as far as places and the gate allow. */
  void resumeHeld() {
    if (budget.draining()) {
      return;
    }
    for (final String host : held.hosts()) {
      while (held.waitingFor(host)) {
        if (!budget.sendHeld()) {
          return;
        }
        final Optional<CallPermit> permit = gate.tryAdmit(host);
        if (permit.isEmpty()) {
          budget.unsend();
          break;
        }
        final HeldCalls.Held call = held.poll(host);
        if (call.announced) {
          observer.heldCallReleased(call.host);
        }
        running.send(call.notification, permit.get());
      }
    }
  }

  /** The next result to route, or null; the call counts as settled from here on. */
  Completion nextCompletion() {
    return running.nextCompletion();
  }

  /** True when a call of this payment runs or is held here. */
  boolean tracks(final String paymentRequestId) {
    return running.contains(paymentRequestId) || held.contains(paymentRequestId);
  }

  boolean draining() {
    return budget.draining();
  }

  NotificationObserver observer() {
    return observer;
  }

  /**
   * The task is closing: held calls are never sent from here, results of running calls are dropped;
   * the next owner calls them all again from the in-flight store.
   */
  void dropPending() {
    final List<HeldCalls.Held> dropped = held.clear();
    budget.dropHeld(dropped.size());
    dropped.stream().filter(call -> call.announced).forEach(c -> observer.heldCallReleased(c.host));
    running.drop();
  }

  private boolean handledOrDraining(final NotificationState notification) {
    return budget.draining() || tracks(notification.paymentRequestId());
  }

  /**
   * Waits for a place as long as the thread's allowance lets it and waiting can help, keeping the
   * task moving. It cannot help when held calls fill the places and none of them is this task's:
   * only the other tasks' punctuators can send those, and they run once this thread returns.
   */
  private void awaitPlace() {
    final long begin = System.nanoTime();
    final long deadline = begin + WaitAllowance.left().toNanos();
    long left = deadline - begin;
    while (!budget.awaitPlace(Duration.ofNanos(Math.min(PLACE_POLL_NANOS, left)))) {
      left = deadline - System.nanoTime();
      if (left <= 0 || budget.draining() || (held.size() == 0 && budget.placesHeld())) {
        break;
      }
      routeWhileWaiting.run();
      resumeHeld();
    }
    WaitAllowance.spent(System.nanoTime() - begin);
  }
}
