package io.paymentnotifier.notify;

/** The gate's leave to send one call; it is told once how the call ended, from any thread. */
@FunctionalInterface
public interface CallPermit {

  /** A permit whose outcome nobody learns from. */
  CallPermit UNWATCHED = outcome -> {};

  /** The call ended with this outcome (its report says what happened on the wire). */
  void completed(NotifyOutcome outcome);
}
