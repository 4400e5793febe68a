package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.notify.HostState;
import io.paymentnotifier.notify.HostStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

  private final FakeStreamsStatus streams = new FakeStreamsStatus();
  private final HealthCheck health = new HealthCheck(streams);

  @Test
  void shouldBeLiveButNotReadyWhileStarting() {
    // given
    streams.set(State.REBALANCING, 1);

    // when
    final HealthCheck.Verdict live = health.liveness();
    final HealthCheck.Verdict ready = health.readiness();

    // then
    assertThat(live.up()).isTrue();
    assertThat(ready.up()).isFalse();
    assertThat(ready.detail()).contains("REBALANCING");
  }

  @Test
  void shouldBeReadyWhenRunning() {
    // given
    streams.set(State.RUNNING, 2);

    // when
    final HealthCheck.Verdict ready = health.readiness();

    // then
    assertThat(ready.up()).isTrue();
    assertThat(ready.state()).isEqualTo(State.RUNNING);
  }

  @Test
  void shouldStayLiveAndReadyButSayWhenAlipayIsUnavailable() {
    // given
    final Instant since = Instant.parse("2026-03-01T10:00:00Z");
    final List<HostStatus> hosts = new ArrayList<>();
    final HealthCheck withAlipay = new HealthCheck(streams, () -> hosts);
    streams.set(State.RUNNING, 2);
    hosts.add(new HostStatus("open-sea-global.alipayplus.com", HostState.UNAVAILABLE, since, 0));
    hosts.add(new HostStatus("127.0.0.2", HostState.AVAILABLE, since, 0));

    // when
    final HealthCheck.Verdict live = withAlipay.liveness();
    final HealthCheck.Verdict ready = withAlipay.readiness();

    // then: a restart would not bring Alipay+ back, and the instance holds its calls back
    assertThat(live.up()).isTrue();
    assertThat(live.detail()).isEqualTo("ok");
    assertThat(ready.up()).isTrue();
    assertThat(ready.detail())
        .isEqualTo(
            "Alipay+ unavailable: open-sea-global.alipayplus.com (unavailable since"
                + " 2026-03-01T10:00:00Z); new calls are held back and the host is probed,"
                + " nothing is lost");
  }

  @Test
  void shouldSayOkWhenEveryAlipayHostAnswers() {
    // given
    final HealthCheck withAlipay =
        new HealthCheck(
            streams,
            () ->
                List.of(
                    new HostStatus("127.0.0.1", HostState.LIMITED, Instant.EPOCH, 12.5),
                    new HostStatus("127.0.0.2", HostState.AVAILABLE, Instant.EPOCH, 0)));
    streams.set(State.RUNNING, 2);

    // when
    final HealthCheck.Verdict ready = withAlipay.readiness();

    // then
    assertThat(ready.up()).isTrue();
    assertThat(ready.detail()).isEqualTo("ok");
  }

  @Test
  void shouldStayReadyWhenRebalancingAfterHavingRun() {
    // given
    streams.set(State.RUNNING, 1);
    health.readiness();
    streams.set(State.REBALANCING, 1);

    // when
    final HealthCheck.Verdict ready = health.readiness();

    // then
    assertThat(ready.up()).isTrue();
  }

  @Test
  void shouldRememberRunningReportedByTheStateListenerWhenNoProbeSawIt() {
    // given
    health.onChange(State.RUNNING, State.REBALANCING);
    streams.set(State.REBALANCING, 1);

    // when
    final HealthCheck.Verdict ready = health.readiness();

    // then
    assertThat(ready.up()).isTrue();
  }

  @Test
  void shouldFailBothProbesWhenStreamsIsInError() {
    // given
    streams.set(State.RUNNING, 1);
    health.readiness();
    streams.set(State.ERROR, 0);

    // when
    final HealthCheck.Verdict live = health.liveness();
    final HealthCheck.Verdict ready = health.readiness();

    // then
    assertThat(live.up()).isFalse();
    assertThat(live.detail()).contains("ERROR");
    assertThat(ready.up()).isFalse();
  }

  @Test
  void shouldFailLivenessWhenPendingError() {
    // given
    streams.set(State.PENDING_ERROR, 1);

    // when
    final HealthCheck.Verdict live = health.liveness();

    // then
    assertThat(live.up()).isFalse();
  }

  @Test
  void shouldFailLivenessWhenRunningWithoutAnyLiveStreamThread() {
    // given
    streams.set(State.RUNNING, 0);

    // when
    final HealthCheck.Verdict live = health.liveness();

    // then
    assertThat(live.up()).isFalse();
    assertThat(live.detail()).isEqualTo("no stream thread is alive");
  }

  @Test
  void shouldStayLiveButNotReadyWhileShuttingDown() {
    // given
    streams.set(State.RUNNING, 1);
    health.readiness();
    streams.set(State.PENDING_SHUTDOWN, 1);

    // when
    final HealthCheck.Verdict live = health.liveness();
    final HealthCheck.Verdict ready = health.readiness();

    // then
    assertThat(live.up()).isTrue();
    assertThat(ready.up()).isFalse();
  }

  /** A Kafka Streams state the test sets; unit tests need no broker. */
  static final class FakeStreamsStatus implements StreamsStatus {
    private volatile State state = State.CREATED;
    private volatile int liveThreads = 1;

    void set(final State newState, final int threads) {
      state = newState;
      liveThreads = threads;
    }

    @Override
    public State state() {
      return state;
    }

    @Override
    public int liveStreamThreads() {
      return liveThreads;
    }
  }
}
