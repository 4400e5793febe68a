package io.paymentnotifier.notify;

/** Alipay+ answered result.resultStatus S: the notification is done. */
public record Acknowledged(CallReport call) implements NotifyOutcome {

  @Override
  public Kind kind() {
    return Kind.ACKNOWLEDGED;
  }
}
