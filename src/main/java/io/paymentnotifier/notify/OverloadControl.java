package io.paymentnotifier.notify;

import io.paymentnotifier.config.AlipayConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.events.PaymentFinalized;
import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Overload control per Alipay+ host, for the whole instance: the {@link CallGate} the topology asks
 * before each call. A host that fails (timeouts, refused or dropped connections, HTTP 408/5xx) gets
 * no new calls, only a few probes at growing intervals; traffic limits (HTTP 429,
 * REQUEST_TRAFFIC_EXCEED_LIMIT) lower its call rate; and {@code alipay.max.requests.per.second}
 * caps it. See {@link HostGate} and {@link PermittedRate}.
 */
public final class OverloadControl implements CallGate {

  /** Hosts tracked one by one; calls to further hosts share the gate {@value #OTHER_HOSTS}. */
  static final int MAX_HOSTS = 64;

  static final String OTHER_HOSTS = "other";

  /** Told of every host the control tracks, so its meters exist from the first call. */
  @FunctionalInterface
  public interface Listener {
    /** A host is tracked from now on; {@code status} reads its state at any time. */
    void tracked(String host, Supplier<HostStatus> status);
  }

  private final OverloadSettings settings;
  private final URI defaultUrl;
  private final Clock clock;
  private final ConcurrentMap<String, HostGate> gates = new ConcurrentHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /**
   * The control for calls whose default target is {@code baseUrl}; that host is tracked at once.
   */
  public OverloadControl(final OverloadSettings settings, final URI baseUrl, final Clock clock) {
    this.settings = settings;
    this.defaultUrl = NotifyTarget.defaultUrl(baseUrl);
    this.clock = clock;
    gate(NotifyTarget.hostOf(defaultUrl));
  }

  /** The control of this configuration ({@code alipay.base.url} and the overload keys). */
  public static OverloadControl from(final NotifierConfig config) {
    return new OverloadControl(
        OverloadSettings.from(config),
        URI.create(config.getString(AlipayConfigDef.BASE_URL_CONFIG).trim()),
        Clock.systemUTC());
  }

  @Override
  public String hostOf(final PaymentFinalized payment) {
    final URI target = NotifyTarget.of(payment, defaultUrl);
    final String host = NotifyTarget.hostOf(target == null ? defaultUrl : target);
    return gates.containsKey(host) || gates.size() < MAX_HOSTS ? host : OTHER_HOSTS;
  }

  @Override
  public Optional<CallPermit> tryAdmit(final String host) {
    return gate(host).tryAdmit();
  }

  /** Every tracked host as it stands now, by name. */
  public List<HostStatus> hosts() {
    return gates.values().stream()
        .map(HostGate::status)
        .sorted(Comparator.comparing(HostStatus::host))
        .toList();
  }

  /** Tells the listener of every host tracked so far and from now on (a host may come twice). */
  public void listen(final Listener listener) {
    listeners.add(listener);
    gates.values().forEach(gate -> listener.tracked(gate.host(), gate::status));
  }

  private HostGate gate(final String host) {
    final HostGate known = gates.get(host);
    if (known != null) {
      return known;
    }
    final HostGate created = new HostGate(host, settings, clock);
    final HostGate raced = gates.putIfAbsent(host, created);
    if (raced != null) {
      return raced;
    }
    listeners.forEach(listener -> listener.tracked(host, created::status));
    return created;
  }
}
