package io.paymentnotifier.notify;

/**
 * How one notifyPayment call ended, as the router acts on it: done, retry later, or dead-letter.
 * Every outcome carries the report of the call that produced it.
 *
 * <p>Java 17 has no pattern switch, so routers switch on {@link #kind()}: a switch expression over
 * the enum is checked for exhaustiveness by the compiler.
 */
public sealed interface NotifyOutcome permits Acknowledged, RetryLater, Rejected {

  /** The three routes; the name is what attempt histories store. */
  enum Kind {
    ACKNOWLEDGED,
    RETRY_LATER,
    REJECTED
  }

  /** What happened on the wire. */
  CallReport call();

  /** Which route this outcome takes. */
  Kind kind();
}
