package io.paymentnotifier.notify;

/**
 * Alipay+ answered F with a code that retrying cannot fix: dead-letter for a person to act on.
 *
 * @param reason one line for the operator, e.g. "F PARAM_ILLEGAL: check header and body fields"
 */
public record Rejected(CallReport call, String reason) implements NotifyOutcome {

  @Override
  public <R> R route(final Routes<R> routes) {
    return routes.rejected(this);
  }
}
