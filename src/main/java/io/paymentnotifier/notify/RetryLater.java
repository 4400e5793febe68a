package io.paymentnotifier.notify;

/**
 * The call may succeed later (U, a retryable code, no answer, 5xx/408/429, an unreadable or
 * unsigned answer): resend the same body after a backoff.
 *
 * @param reason one line for the operator, e.g. "HTTP 503" or "resultStatus U UNKNOWN_EXCEPTION"
 */
public record RetryLater(CallReport call, String reason) implements NotifyOutcome {

  @Override
  public <R> R route(final Routes<R> routes) {
    return routes.retryLater(this);
  }
}
