package io.paymentnotifier.topology;

import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.notify.CallGate;
import io.paymentnotifier.notify.CallPermit;
import io.paymentnotifier.notify.NotifyOutcome;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A CallGate for topology unit tests: open or closed by hand; records what it was told. */
final class FakeGate implements CallGate {

  static final String HOST = "alipay.test";

  private volatile boolean open = true;
  private final List<NotifyOutcome> outcomes = new CopyOnWriteArrayList<>();

  FakeGate open(final boolean value) {
    open = value;
    return this;
  }

  /** Outcomes reported to the permits it gave. */
  List<NotifyOutcome> outcomes() {
    return outcomes;
  }

  @Override
  public String hostOf(final PaymentFinalized payment) {
    return HOST;
  }

  @Override
  public Optional<CallPermit> tryAdmit(final String host) {
    return open ? Optional.of(outcomes::add) : Optional.empty();
  }
}
