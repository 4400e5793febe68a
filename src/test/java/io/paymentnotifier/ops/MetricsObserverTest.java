package io.paymentnotifier.ops;

import static io.paymentnotifier.ops.OutcomeFixtures.aCall;
import static io.paymentnotifier.ops.OutcomeFixtures.aDeadLetter;
import static io.paymentnotifier.ops.OutcomeFixtures.aDone;
import static io.paymentnotifier.ops.OutcomeFixtures.aPayment;
import static io.paymentnotifier.ops.OutcomeFixtures.aRejected;
import static io.paymentnotifier.ops.OutcomeFixtures.aRetryLater;
import static io.paymentnotifier.ops.OutcomeFixtures.anAcknowledged;
import static io.paymentnotifier.ops.OutcomeFixtures.anAttempt;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.notify.CallReport;
import io.paymentnotifier.notify.CryptoProvider;
import io.paymentnotifier.notify.OverloadControl;
import io.paymentnotifier.notify.OverloadSettings;
import io.paymentnotifier.retry.WaitingRetries;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsObserverTest {

  private static final String ALIPAY = "http://127.0.0.1:8443";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final MetricsObserver observer = new MetricsObserver(registry, clock);

  @Test
  void shouldCountCallsByOutcomeAndResultCode() {
    // when
    observer.callCompleted(anAcknowledged(40));
    observer.callCompleted(anAcknowledged(60));
    observer.callCompleted(aRetryLater(aCall(503, null, 10, "HTTP 503")));
    observer.callCompleted(aRetryLater(aCall(null, null, 15_000, "timeout")));
    observer.callCompleted(aRejected("PARAM_ILLEGAL"));

    // then
    assertThat(registry.scrape())
        .contains("notifier_calls_total{outcome=\"acknowledged\",result_code=\"SUCCESS\"} 2.0")
        .contains("notifier_calls_total{outcome=\"retry_later\",result_code=\"HTTP_503\"} 1.0")
        .contains("notifier_calls_total{outcome=\"retry_later\",result_code=\"NO_ANSWER\"} 1.0")
        .contains("notifier_calls_total{outcome=\"rejected\",result_code=\"PARAM_ILLEGAL\"} 1.0");
  }

  @Test
  void shouldRecordCallLatencyInHistogramBuckets() {
    // when
    observer.callCompleted(anAcknowledged(40));
    observer.callCompleted(anAcknowledged(60));

    // then
    assertThat(registry.scrape())
        .contains("notifier_call_latency_seconds_bucket{outcome=\"acknowledged\",le=\"0.05\"} 1")
        .contains("notifier_call_latency_seconds_bucket{outcome=\"acknowledged\",le=\"0.1\"} 2")
        .contains("notifier_call_latency_seconds_count{outcome=\"acknowledged\"} 2")
        .contains("notifier_call_latency_seconds_sum{outcome=\"acknowledged\"} 0.1");
  }

  @Test
  void shouldFoldUnknownLookingResultCodesIntoOther() {
    // when
    observer.callCompleted(aRejected("<script>"));

    // then
    assertThat(registry.scrape())
        .contains("notifier_calls_total{outcome=\"rejected\",result_code=\"OTHER\"} 1.0")
        .doesNotContain("script");
  }

  @Test
  void shouldTrackCallsInFlight() {
    // when
    observer.callStarted();
    observer.callStarted();
    observer.callStarted();
    observer.callSettled();

    // then
    assertThat(registry.scrape()).contains("notifier_calls_in_flight 2.0");
  }

  @Test
  void shouldCountTerminalNotificationsAndDeadLettersByReason() {
    // given
    final var event = aPayment("p-2", "cust-1");

    // when
    observer.done(aDone("p-1", 1));
    observer.deadLettered(
        aDeadLetter(DeadLetterReason.REJECTED, event, List.of(anAttempt(1, "PARAM_ILLEGAL"))));
    observer.deadLettered(
        aDeadLetter(DeadLetterReason.RETRIES_EXHAUSTED, event, List.of(anAttempt(1, null))));
    observer.deadLettered(aDeadLetter(DeadLetterReason.INVALID_EVENT, event, List.of()));

    // then
    assertThat(registry.scrape())
        .contains("notifier_notifications_total{outcome=\"done\",result_code=\"SUCCESS\"} 1.0")
        .contains(
            "notifier_notifications_total{outcome=\"dead_lettered\",result_code=\"PARAM_ILLEGAL\"}"
                + " 1.0")
        .contains(
            "notifier_notifications_total{outcome=\"dead_lettered\",result_code=\"HTTP_503\"} 1.0")
        .contains(
            "notifier_notifications_total{outcome=\"dead_lettered\",result_code=\"NONE\"} 1.0")
        .contains("notifier_dead_letters_total{reason=\"REJECTED\"} 1.0")
        .contains("notifier_dead_letters_total{reason=\"RETRIES_EXHAUSTED\"} 1.0")
        .contains("notifier_dead_letters_total{reason=\"INVALID_EVENT\"} 1.0");
  }

  @Test
  void shouldCountRetriesScheduledByAttempt() {
    // when
    observer.retryScheduled("p-1", 2, clock.instant().plusSeconds(10));
    observer.retryScheduled("p-2", 2, clock.instant().plusSeconds(10));
    observer.retryScheduled("p-1", 3, clock.instant().plusSeconds(30));
    observer.retryScheduled("p-3", 14, clock.instant().plusSeconds(10));

    // then
    assertThat(registry.scrape())
        .contains("notifier_retries_scheduled_total{attempt=\"2\"} 2.0")
        .contains("notifier_retries_scheduled_total{attempt=\"3\"} 1.0")
        .contains("notifier_retries_scheduled_total{attempt=\"11+\"} 1.0");
  }

  @Test
  void shouldSumTheWaitingRetriesOfEveryTaskByAttempt() {
    // when
    observer.retriesWaiting("0_0", waiting(Map.of(2, 3L, 3, 1L), clock.instant()));
    observer.retriesWaiting("0_1", waiting(Map.of(2, 2L, 12, 1L, 14, 4L), clock.instant()));
    observer.retriesWaiting("0_0", waiting(Map.of(2, 1L), clock.instant()));

    // then: the latest count of each task, summed; attempts above 10 share a label
    assertThat(registry.scrape())
        .contains("notifier_retries_pending{attempt=\"2\"} 3.0")
        .contains("notifier_retries_pending{attempt=\"3\"} 0.0")
        .contains("notifier_retries_pending{attempt=\"11+\"} 5.0")
        .doesNotContain("notifier_retries_scheduled_total");
  }

  @Test
  void shouldStopCountingATasksRetriesWhenItReportsNone() {
    // given
    observer.retriesWaiting("0_0", waiting(Map.of(2, 3L), clock.instant()));
    observer.retriesWaiting("0_1", waiting(Map.of(2, 2L), clock.instant()));

    // when: task 0_0 moved to another instance
    observer.retriesWaiting("0_0", WaitingRetries.NONE);

    // then
    assertThat(registry.scrape()).contains("notifier_retries_pending{attempt=\"2\"} 2.0");
  }

  @Test
  void shouldReportTheAgeOfTheOldestRetryWaitingInAnyTask() {
    // given: a retry scheduled elsewhere a minute ago, restored here with its task
    observer.retriesWaiting("0_0", waiting(Map.of(3, 1L), clock.instant().minusSeconds(60)));
    observer.retriesWaiting("0_1", waiting(Map.of(2, 5L), clock.instant().minusSeconds(15)));
    clock.advance(Duration.ofSeconds(30));

    // when
    final String whileBothWait = registry.scrape();
    observer.retriesWaiting("0_0", WaitingRetries.NONE);
    final String afterOldestLeft = registry.scrape();
    observer.retriesWaiting("0_1", WaitingRetries.NONE);
    final String whenNoneWaits = registry.scrape();

    // then
    assertThat(whileBothWait).contains("notifier_retries_oldest_pending_age_seconds 90.0");
    assertThat(afterOldestLeft).contains("notifier_retries_oldest_pending_age_seconds 45.0");
    assertThat(whenNoneWaits)
        .contains("notifier_retries_oldest_pending_age_seconds 0.0")
        .contains("notifier_retries_pending{attempt=\"2\"} 0.0");
  }

  @Test
  void shouldCountResponseSignatureFailuresAndSkippedDuplicates() {
    // when
    observer.callCompleted(aRetryLater(aCall(200, "SUCCESS", 20, CallReport.SIGNATURE_INVALID)));
    observer.callCompleted(aRetryLater(aCall(200, "SUCCESS", 20, CallReport.SIGNATURE_MISSING)));
    observer.callCompleted(aRetryLater(aCall(503, null, 20, "HTTP 503")));
    // a TLS failure is a connection problem, not an Alipay+ answer refused for its signature
    observer.callCompleted(
        aRetryLater(aCall(null, null, 20, "SSLHandshakeException: signature check failed")));
    observer.duplicateSkipped("p-1");
    observer.duplicateSkipped("p-1");

    // then
    assertThat(registry.scrape())
        .contains("notifier_response_signature_failures_total 2.0")
        .contains("notifier_duplicates_skipped_total 2.0");
  }

  @Test
  void shouldExposeEveryDocumentedMetricName() {
    // given
    observer.callCompleted(anAcknowledged(10));
    observer.done(aDone("p-1", 1));
    observer.deadLettered(aDeadLetter(DeadLetterReason.INVALID_EVENT, null, List.of()));
    observer.retryScheduled("p-2", 2, clock.instant());
    observer.cryptoProvider(CryptoProvider.jdk());
    observer.retriesWaiting("0_0", waiting(Map.of(2, 1L), clock.instant()));
    observer.overloadControl(
        new OverloadControl(OverloadSettings.defaults(), URI.create(ALIPAY), clock));

    // when
    final String scrape = registry.scrape();

    // then
    assertThat(MetricNames.PROMETHEUS_NAMES)
        .allSatisfy(name -> assertThat(scrape).contains("\n" + name));
  }

  @Test
  void shouldShowEachHostStateAsOneAndTheOthersAsZero() {
    // given
    observer.overloadControl(
        new OverloadControl(OverloadSettings.defaults(), URI.create(ALIPAY), clock));

    // when
    final String scrape = registry.scrape();

    // then
    assertThat(scrape)
        .contains("notifier_alipay_state{host=\"127.0.0.1:8443\",state=\"available\"} 1")
        .contains("notifier_alipay_state{host=\"127.0.0.1:8443\",state=\"unavailable\"} 0")
        .contains("notifier_alipay_state{host=\"127.0.0.1:8443\",state=\"probing\"} 0")
        .contains("notifier_alipay_state{host=\"127.0.0.1:8443\",state=\"limited\"} 0")
        .contains("notifier_alipay_permitted_requests_per_second{host=\"127.0.0.1:8443\"} 0")
        .contains("notifier_calls_held{host=\"127.0.0.1:8443\"} 0");
  }

  @Test
  void shouldCountCallsHeldBackAndThoseHeldNow() {
    // when
    observer.callHeld("127.0.0.1:8443");
    observer.callHeld("127.0.0.1:8443");
    observer.callHeld("127.0.0.1:8443");
    observer.heldCallReleased("127.0.0.1:8443");

    // then
    assertThat(registry.scrape())
        .contains("notifier_calls_held{host=\"127.0.0.1:8443\"} 2")
        .contains("notifier_calls_held_back_total{host=\"127.0.0.1:8443\"} 3.0");
  }

  @Test
  void shouldLabelTheCryptoProviderInUse() {
    // when
    observer.cryptoProvider(CryptoProvider.jdk());

    // then
    assertThat(registry.scrape())
        .contains(
            "notifier_crypto_provider_info{name=\"SunRsaSign\",provider=\"jdk\",version=\""
                + Runtime.version().feature()
                + "\"} 1\n");
  }

  private static WaitingRetries waiting(final Map<Integer, Long> byAttempt, final Instant since) {
    return new WaitingRetries(byAttempt, since);
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(final Instant start) {
      now = start;
    }

    void advance(final Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(final java.time.ZoneId zone) {
      return this;
    }
  }
}
