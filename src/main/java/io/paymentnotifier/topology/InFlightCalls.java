package io.paymentnotifier.topology;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-instance budget of notifyPayment calls, shared by every task and stream thread.
 *
 * <p>A permit is released when the HTTP call completes, on the HTTP thread, not when a stream
 * thread routes the result: a thread waiting for a permit for one task would otherwise wait forever
 * for results only another task of the same thread could route. Separately, {@link #unsettled()}
 * counts calls whose results no stream thread has taken yet, which is what a graceful shutdown
 * waits for.
 */
public final class InFlightCalls {

  private final int limit;
  private final Semaphore permits;
  private final AtomicInteger unsettled = new AtomicInteger();
  private volatile boolean draining;

  public InFlightCalls(final int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the in-flight limit must be at least 1, was " + limit);
    }
    this.limit = limit;
    this.permits = new Semaphore(limit);
  }

  /** Takes a permit within the wait, or returns false. */
  boolean tryAcquire(final Duration wait) {
    try {
      return permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A call completed (any thread): its permit is free again. */
  void release() {
    permits.release();
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

  /** Calls running right now (permits taken). */
  public int running() {
    return limit - permits.availablePermits();
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
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return unsettled.get() <= 0;
  }
}
