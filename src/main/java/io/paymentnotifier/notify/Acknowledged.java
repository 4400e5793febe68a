package io.paymentnotifier.notify;

/** Alipay+ answered result.resultStatus S: the notification is done. */
public record Acknowledged(CallReport call) implements NotifyOutcome {

  @Override
  public <R> R route(final Routes<R> routes) {
    return routes.acknowledged(this);
  }
}
