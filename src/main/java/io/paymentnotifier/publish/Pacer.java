package io.paymentnotifier.publish;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Spaces actions evenly to a target rate; a rate of 0 or less means as fast as possible. */
public final class Pacer {

  private final long intervalNanos;
  private final long startNanos = System.nanoTime();
  private long count;

  public Pacer(final double perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
  }

  /** Waits until the next action is due. */
  public void await() {
    if (intervalNanos == 0) {
      return;
    }
    final long due = startNanos + count++ * intervalNanos;
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
  }
}
