package io.paymentnotifier.notify;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverloadControlTest {

  private static final URI BASE_URL = URI.create("http://127.0.0.1:8443");
  private static final String HOST = "127.0.0.1:8443";

  private final TestClock clock = new TestClock();
  private final OverloadControl control =
      new OverloadControl(OverloadSettings.defaults(), BASE_URL, clock);

  @Test
  void shouldTrackTheConfiguredHostFromTheStartAndEachNotifyUrlHostOnItsOwn() {
    // when
    final String own = control.hostOf(aPayment("p-1").setNotifyUrl(null).build());
    final String other =
        control.hostOf(aPayment("p-2").setNotifyUrl("https://127.0.0.2/notify").build());

    // then
    assertThat(own).isEqualTo(HOST);
    assertThat(other).isEqualTo("127.0.0.2");
    assertThat(control.hosts())
        .singleElement()
        .satisfies(
            host -> {
              assertThat(host.host()).isEqualTo(HOST);
              assertThat(host.state()).isEqualTo(HostState.AVAILABLE);
              assertThat(host.permittedRate()).isZero();
            });
  }

  @Test
  void shouldHoldBackCallsOnceHalfTheWindowHasFailed() {
    // when: 10 of the window of 20 calls answered HTTP 503
    final int admitted = callsUntilHeldBack(Outcomes.http(503));

    // then
    assertThat(admitted).isEqualTo(10);
    assertThat(control.tryAdmit(HOST)).isEmpty();
    assertThat(state()).isEqualTo(HostState.UNAVAILABLE);
  }

  @Test
  void shouldTakeTimeoutsAndRefusedConnectionsAsFailuresToo() {
    // when
    final int admitted = callsUntilHeldBack(Outcomes.noAnswer("timeout"));

    // then
    assertThat(admitted).isEqualTo(10);
    assertThat(state()).isEqualTo(HostState.UNAVAILABLE);
  }

  @Test
  void shouldLetOnlyTheProbesThroughOnceTheProbeIntervalHasPassed() {
    // given
    callsUntilHeldBack(Outcomes.http(503));

    // when
    clock.advance(Duration.ofMillis(1000));
    final boolean beforeInterval = control.tryAdmit(HOST).isPresent();
    clock.advance(Duration.ofMillis(1));
    final List<CallPermit> probes = admitAll(10);

    // then
    assertThat(beforeInterval).isFalse();
    assertThat(probes).hasSize(3);
    assertThat(state()).isEqualTo(HostState.PROBING);
  }

  @Test
  void shouldProbeLessOftenAfterEachFailedProbeUpToTheLongestInterval() {
    // given
    callsUntilHeldBack(Outcomes.http(503));
    final List<Long> waits = new ArrayList<>();

    // when: every probe fails again
    for (int round = 0; round < 5; round++) {
      waits.add(millisUntilAdmitted());
      admitAll(10).forEach(probe -> probe.completed(Outcomes.http(503)));
    }

    // then: just over 1 s, doubling, at most 5 s
    assertThat(waits).containsExactly(1001L, 2001L, 4001L, 5001L, 5001L);
  }

  @Test
  void shouldRampUpFromALowRateWhenTheProbesAreAnswered() {
    // given
    callsUntilHeldBack(Outcomes.http(503));
    clock.advance(Duration.ofMillis(1001));

    // when
    admitAll(10).forEach(probe -> probe.completed(Outcomes.acknowledged()));

    // then
    assertThat(state()).isEqualTo(HostState.LIMITED);
    assertThat(control.hosts().get(0).permittedRate()).isEqualTo(PermittedRate.SLOW_START_RATE);
    assertThat(control.tryAdmit(HOST)).isPresent();
  }

  @Test
  void shouldLowerTheRateOnTrafficLimitsWithoutHoldingTheHostBack() {
    // given
    final List<CallPermit> calls = admitAll(40);

    // when: every call answered REQUEST_TRAFFIC_EXCEED_LIMIT, then a tick passes
    calls.forEach(call -> call.completed(Outcomes.trafficLimited()));
    clock.advance(Duration.ofMillis(PermittedRate.TICK_MILLIS));
    control.tryAdmit(HOST);

    // then
    assertThat(state()).isEqualTo(HostState.LIMITED);
    assertThat(control.hosts().get(0).permittedRate())
        .isEqualTo(OverloadSettings.defaults().minRequestsPerSecond());
  }

  @Test
  void shouldNeverHoldBackCallsWhenOverloadControlIsOff() {
    // given
    final OverloadControl off =
        new OverloadControl(
            new OverloadSettings(
                false, 0, 50, 20, 3, Duration.ofSeconds(1), Duration.ofSeconds(5), 1.0),
            BASE_URL,
            clock);

    // when
    for (int i = 0; i < 100; i++) {
      off.tryAdmit(HOST).orElseThrow().completed(Outcomes.http(503));
    }

    // then
    assertThat(off.tryAdmit(HOST)).isPresent();
    assertThat(off.hosts().get(0).state()).isEqualTo(HostState.AVAILABLE);
  }

  @Test
  void shouldShareOneGateAmongTheHostsBeyondTheCap() {
    // given
    for (int i = 0; i < OverloadControl.MAX_HOSTS; i++) {
      control.tryAdmit(control.hostOf(payment("https://127.0.1." + i + "/notify")));
    }

    // when
    final String beyond = control.hostOf(payment("https://127.0.2.1/notify"));

    // then
    assertThat(beyond).isEqualTo(OverloadControl.OTHER_HOSTS);
    assertThat(control.hostOf(payment("https://127.0.1.1/notify"))).isEqualTo("127.0.1.1");
  }

  @Test
  void shouldTellAListenerOfEveryHostKnownAndToCome() {
    // given
    final List<String> told = new ArrayList<>();

    // when
    control.listen((host, status) -> told.add(host + "=" + status.get().state().label()));
    control.tryAdmit(control.hostOf(payment("https://127.0.0.3/notify")));

    // then
    assertThat(told).containsExactly(HOST + "=available", "127.0.0.3=available");
  }

  private static io.paymentnotifier.events.PaymentFinalized payment(final String notifyUrl) {
    return aPayment("p-1").setNotifyUrl(notifyUrl).build();
  }

  private int callsUntilHeldBack(final NotifyOutcome outcome) {
    int admitted = 0;
    Optional<CallPermit> permit;
    while ((permit = control.tryAdmit(HOST)).isPresent() && admitted < 1000) {
      admitted++;
      permit.get().completed(outcome);
    }
    return admitted;
  }

  private List<CallPermit> admitAll(final int atMost) {
    final List<CallPermit> permits = new ArrayList<>();
    for (int i = 0; i < atMost; i++) {
      control.tryAdmit(HOST).ifPresent(permits::add);
    }
    return permits;
  }

  private long millisUntilAdmitted() {
    long waited = 0;
    while (control.hosts().get(0).state() == HostState.UNAVAILABLE
        && !probeDue()
        && waited < 60_000) {
      clock.advance(Duration.ofMillis(1));
      waited++;
    }
    return waited;
  }

  /** Asks without sending: a permit taken here is handed back as an unsent call. */
  private boolean probeDue() {
    final Optional<CallPermit> permit = control.tryAdmit(HOST);
    permit.ifPresent(p -> p.completed(Outcomes.noAnswer(CallReport.CLIENT_CLOSED)));
    return permit.isPresent();
  }

  private HostState state() {
    return control.hosts().get(0).state();
  }
}
