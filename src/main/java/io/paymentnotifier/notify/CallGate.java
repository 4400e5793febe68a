package io.paymentnotifier.notify;

import io.paymentnotifier.events.PaymentFinalized;
import java.util.Optional;

/**
 * Decides, per Alipay+ host, whether a notifyPayment call may be sent now, and learns from how the
 * calls it let through ended. Thread-safe; it never blocks: a call it does not admit now is the
 * caller's to hold and offer again.
 */
public interface CallGate {

  /** Admits every call: no overload control. */
  CallGate OPEN =
      new CallGate() {
        @Override
        public String hostOf(final PaymentFinalized payment) {
          return "any";
        }

        @Override
        public Optional<CallPermit> tryAdmit(final String host) {
          return Optional.of(CallPermit.UNWATCHED);
        }
      };

  /** The host the call for this payment goes to, as the gate, its metrics and logs name it. */
  String hostOf(PaymentFinalized payment);

  /**
   * A permit to send one call to the host now, or empty when the host is failing (only probes go
   * through) or at its permitted rate. Whoever takes a permit sends the call and reports its
   * outcome to the permit.
   */
  Optional<CallPermit> tryAdmit(String host);
}
