package io.paymentnotifier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverloadSignalTest {

  @Test
  void shouldTakeTimeoutsRefusedOrDroppedConnectionsAnd5xxAsAFailingHost() {
    // then
    assertThat(OverloadSignal.of(Outcomes.noAnswer("timeout"))).isEqualTo(OverloadSignal.FAILING);
    assertThat(OverloadSignal.of(Outcomes.noAnswer("ConnectException: Connection refused")))
        .isEqualTo(OverloadSignal.FAILING);
    assertThat(OverloadSignal.of(Outcomes.noAnswer("ConnectionClosedException: dropped")))
        .isEqualTo(OverloadSignal.FAILING);
    assertThat(OverloadSignal.of(Outcomes.http(503))).isEqualTo(OverloadSignal.FAILING);
    assertThat(OverloadSignal.of(Outcomes.http(500))).isEqualTo(OverloadSignal.FAILING);
    assertThat(OverloadSignal.of(Outcomes.http(408))).isEqualTo(OverloadSignal.FAILING);
  }

  @Test
  void shouldTakeHttp429AndTheTrafficLimitCodeAsARequestToSlowDown() {
    // then
    assertThat(OverloadSignal.of(Outcomes.http(429))).isEqualTo(OverloadSignal.TRAFFIC_LIMITED);
    assertThat(OverloadSignal.of(Outcomes.trafficLimited()))
        .isEqualTo(OverloadSignal.TRAFFIC_LIMITED);
  }

  @Test
  void shouldTakeAnyOtherAnswerAsAHostThatAnswers() {
    // then
    assertThat(OverloadSignal.of(Outcomes.acknowledged())).isEqualTo(OverloadSignal.ANSWERED);
    assertThat(OverloadSignal.of(Outcomes.rejected("PARAM_ILLEGAL")))
        .isEqualTo(OverloadSignal.ANSWERED);
    assertThat(OverloadSignal.of(Outcomes.http(404))).isEqualTo(OverloadSignal.ANSWERED);
  }

  @Test
  void shouldIgnoreCallsTheClosingClientNeverSent() {
    // then
    assertThat(OverloadSignal.of(Outcomes.noAnswer(CallReport.CLIENT_CLOSED)))
        .isEqualTo(OverloadSignal.NOT_SENT);
  }
}
