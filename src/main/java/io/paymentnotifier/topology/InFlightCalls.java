package io.paymentnotifier.topology;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The per-instance budget of notifyPayment calls, shared by every task and stream thread: calls
 * running, and calls held back by the overload control, share its {@code notify.max.in.flight}
 * places, so a failing Alipay+ host stops the input through the same backpressure as a slow one.
 *
 * <p>A new call takes a place when one is free; one that cannot wait for it (a stream thread may
 * only wait so long, see {@link WaitAllowance}) is held beyond the limit and gets the next place
 * that frees. Held calls are counted, not named: any held call may be sent with any held place, so
 * running calls never exceed the limit. A place is freed when the HTTP call completes, on the HTTP
 * thread, not when a stream thread routes the result: a thread waiting for a place for one task
 * would otherwise wait for results only another task of the same thread could route. Separately,
 * {@link #unsettled()} counts calls whose results no stream thread has taken yet, which is what a
 * graceful shutdown waits for; held calls are not among them.
 */
public final class InFlightCalls {

  private final int limit;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition placeFreed = lock.newCondition();
  private final AtomicInteger unsettled = new AtomicInteger();
  private int running;
  private int heldWithPlace;
  private int heldOverLimit;
  private volatile boolean draining;

  public InFlightCalls(final int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the in-flight limit must be at least 1, was " + limit);
    }
    this.limit = limit;
  }

  /** Waits up to {@code wait} until a place is free (it may be gone again when used). */
  boolean awaitPlace(final Duration wait) {
    lock.lock();
    try {
      long nanos = wait.toNanos();
      while (!hasPlace()) {
        if (nanos <= 0) {
          return false;
        }
        nanos = placeFreed.awaitNanos(nanos);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** A call joins the held calls: with a free place if there is one, else beyond the limit. */
  void hold() {
    lock.lock();
    try {
      if (hasPlace()) {
        heldWithPlace++;
      } else {
        heldOverLimit++;
      }
    } finally {
      lock.unlock();
    }
  }

  /** A held call is about to be sent: true when a held place was there for it. */
  boolean sendHeld() {
    lock.lock();
    try {
      if (heldWithPlace == 0) {
        return false;
      }
      heldWithPlace--;
      running++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** A call not held before is about to be sent: true when a place was free for it. */
  boolean sendNew() {
    lock.lock();
    try {
      if (!hasPlace()) {
        return false;
      }
      running++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The gate did not let the call go after all: it keeps its place, held again. */
  void unsend() {
    lock.lock();
    try {
      running--;
      heldWithPlace++;
    } finally {
      lock.unlock();
    }
  }

  /** The gate did not let a new call go: its place is free again (it was never held). */
  void unsendNew() {
    completed();
  }

  /** A call completed (any thread): its place goes to a call held beyond the limit, or frees. */
  void completed() {
    lock.lock();
    try {
      running--;
      passOnPlace();
    } finally {
      lock.unlock();
    }
  }

  /** Held calls of a closing task leave: those beyond the limit first, then places free. */
  void dropHeld(final int calls) {
    lock.lock();
    try {
      for (int i = 0; i < calls; i++) {
        if (heldOverLimit > 0) {
          heldOverLimit--;
        } else if (heldWithPlace > 0) {
          heldWithPlace--;
          placeFreed.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  void started() {
    unsettled.incrementAndGet();
  }

  void settled(final int calls) {
    unsettled.addAndGet(-calls);
  }

  /** Calls started whose results no stream thread has routed or dropped yet. */
  public int unsettled() {
    return unsettled.get();
  }

  /** Calls running right now: sent, no answer yet. */
  public int running() {
    lock.lock();
    try {
      return running;
    } finally {
      lock.unlock();
    }
  }

  /** True when held calls (not only running ones) take places: only sending them frees those. */
  boolean placesHeld() {
    lock.lock();
    try {
      return heldWithPlace > 0;
    } finally {
      lock.unlock();
    }
  }

  /** Calls held back by the overload control: recorded, not sent. */
  public int held() {
    lock.lock();
    try {
      return heldWithPlace + heldOverLimit;
    } finally {
      lock.unlock();
    }
  }

  /**
   * From now on no new call starts: new notifications are only recorded in the in-flight store,
   * where whoever owns the task next calls them.
   */
  public void startDraining() {
    draining = true;
  }

  boolean draining() {
    return draining;
  }

  /** Waits until every started call is routed or the timeout passes; true when all were. */
  public boolean awaitSettled(final Duration timeout) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (unsettled.get() > 0 && System.nanoTime() < deadline) {
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return unsettled.get() <= 0;
  }

  private boolean hasPlace() {
    return running + heldWithPlace < limit;
  }

  private void passOnPlace() {
    if (heldOverLimit > 0) {
      heldOverLimit--;
      heldWithPlace++;
    } else {
      placeFreed.signalAll();
    }
  }
}
