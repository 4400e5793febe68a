package io.paymentnotifier.notify;

import io.paymentnotifier.events.PaymentFinalized;
import java.util.concurrent.CompletableFuture;

/** Starts notifyPayment calls without blocking the caller. */
public interface NotifyClient extends AutoCloseable {

  /**
   * Starts one signed notifyPayment call for the payment. The future never completes exceptionally:
   * timeouts, refused connections and bad answers are outcomes too. It completes on an HTTP thread,
   * so callers hand the result to their own thread before acting on it.
   */
  CompletableFuture<NotifyOutcome> notify(PaymentFinalized payment);

  @Override
  void close();
}
