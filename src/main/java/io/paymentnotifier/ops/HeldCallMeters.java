package io.paymentnotifier.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of calls held back by overload control, per Alipay+ host: how many are held now
 * ({@code notifier_calls_held}) and how many were held since start ({@code
 * notifier_calls_held_back_total}). The hosts come from the overload control, which bounds them.
 */
final class HeldCallMeters {

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

  HeldCallMeters(final MeterRegistry registry) {
    this.registry = registry;
  }

  /** Makes the host's meters exist (at 0) before its first held call. */
  void register(final String host) {
    of(host);
  }

  void held(final String host) {
    final Host meters = of(host);
    meters.now.incrementAndGet();
    meters.total.increment();
  }

  void released(final String host) {
    of(host).now.decrementAndGet();
  }

  private Host of(final String host) {
    return hosts.computeIfAbsent(host, this::create);
  }

  private Host create(final String host) {
    final AtomicInteger now = new AtomicInteger();
    Gauge.builder(MetricNames.CALLS_HELD, now, AtomicInteger::get)
        .description("Calls held back by overload control now: recorded, not sent, no attempt")
        .tag(MetricNames.HOST_TAG, host)
        .strongReference(true)
        .register(registry);
    final Counter total =
        Counter.builder(MetricNames.CALLS_HELD_BACK)
            .description("Calls overload control held back instead of sending them")
            .tag(MetricNames.HOST_TAG, host)
            .register(registry);
    return new Host(now, total);
  }

  private record Host(AtomicInteger now, Counter total) {}
}
