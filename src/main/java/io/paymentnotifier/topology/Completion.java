package io.paymentnotifier.topology;

import io.paymentnotifier.notify.NotifyOutcome;

/**
 * What notify-call hands to route-outcome: a finished notifyPayment call, handed from the HTTP
 * thread to the stream thread with its outcome, or a stored notification that is not called again
 * because its notifyUrl no longer passes the allowlist, with the broken rule ({@code refusal}).
 *
 * @param outcome the call's outcome; null for a refusal
 * @param refusal the rule the stored notifyUrl breaks ("notifyUrl: ..."); null for a call
 */
record Completion(String paymentRequestId, int attempt, NotifyOutcome outcome, String refusal) {

  /** A finished call of this attempt. */
  Completion(final String paymentRequestId, final int attempt, final NotifyOutcome outcome) {
    this(paymentRequestId, attempt, outcome, null);
  }

  /** The stored notification's next call is refused: its notifyUrl breaks this rule now. */
  static Completion refused(final NotificationState stored, final String rule) {
    return new Completion(stored.paymentRequestId(), stored.attempt(), null, rule);
  }

  boolean isRefusal() {
    return refusal != null;
  }
}
