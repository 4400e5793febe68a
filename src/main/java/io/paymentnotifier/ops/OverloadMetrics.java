package io.paymentnotifier.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paymentnotifier.notify.HostState;
import io.paymentnotifier.notify.HostStatus;
import io.paymentnotifier.notify.OverloadControl;
import java.util.function.Supplier;

/**
 * Gauges of each Alipay+ host the overload control tracks: {@code notifier_alipay_state} (1 for the
 * state the host is in, 0 for the others) and the permitted rate; plus its held-call meters.
 */
final class OverloadMetrics implements OverloadControl.Listener {

  private final MeterRegistry registry;
  private final HeldCallMeters held;

  OverloadMetrics(final MeterRegistry registry, final HeldCallMeters held) {
    this.registry = registry;
    this.held = held;
  }

  @Override
  public void tracked(final String host, final Supplier<HostStatus> status) {
    for (final HostState state : HostState.values()) {
      Gauge.builder(MetricNames.ALIPAY_STATE, status, s -> s.get().state() == state ? 1 : 0)
          .description("1 for the overload-control state the Alipay+ host is in, 0 for the others")
          .tag(MetricNames.HOST_TAG, host)
          .tag(MetricNames.STATE_TAG, state.label())
          .strongReference(true)
          .register(registry);
    }
    Gauge.builder(MetricNames.ALIPAY_PERMITTED_RATE, status, s -> s.get().permittedRate())
        .description("Requests per second this instance may send the Alipay+ host; 0: no limit")
        .tag(MetricNames.HOST_TAG, host)
        .strongReference(true)
        .register(registry);
    held.register(host);
  }
}
