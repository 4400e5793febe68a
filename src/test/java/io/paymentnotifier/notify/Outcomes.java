package io.paymentnotifier.notify;

import java.time.Duration;
import java.time.Instant;

/** Call outcomes as the HTTP client makes them, for overload-control tests. */
final class Outcomes {

  private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration LATENCY = Duration.ofMillis(5);

  private Outcomes() {}

  static NotifyOutcome acknowledged() {
    return new Acknowledged(answer(200, "S", "SUCCESS"));
  }

  static NotifyOutcome http(final int status) {
    return new RetryLater(answer(status, null, null), "HTTP " + status);
  }

  static NotifyOutcome trafficLimited() {
    return new RetryLater(
        answer(200, "U", "REQUEST_TRAFFIC_EXCEED_LIMIT"), "U REQUEST_TRAFFIC_EXCEED_LIMIT");
  }

  static NotifyOutcome rejected(final String code) {
    return new Rejected(answer(200, "F", code), "F " + code);
  }

  static NotifyOutcome noAnswer(final String error) {
    return new RetryLater(
        new CallReport(STARTED, LATENCY, null, null, null, null, error), "no answer");
  }

  private static CallReport answer(final int status, final String resultStatus, final String code) {
    return new CallReport(STARTED, LATENCY, status, resultStatus, code, null, null);
  }
}
