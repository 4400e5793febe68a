package io.paymentnotifier.ops;

import static io.paymentnotifier.ops.MetricNames.ATTEMPT_TAG;
import static io.paymentnotifier.ops.MetricNames.NAME_TAG;
import static io.paymentnotifier.ops.MetricNames.OUTCOME_TAG;
import static io.paymentnotifier.ops.MetricNames.PROVIDER_TAG;
import static io.paymentnotifier.ops.MetricNames.REASON_TAG;
import static io.paymentnotifier.ops.MetricNames.RESULT_CODE_TAG;
import static io.paymentnotifier.ops.MetricNames.VERSION_TAG;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.notify.CallReport;
import io.paymentnotifier.notify.CryptoProvider;
import io.paymentnotifier.notify.NotifyOutcome;
import io.paymentnotifier.notify.OverloadControl;
import io.paymentnotifier.retry.WaitingRetries;
import io.paymentnotifier.topology.NotificationObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the topology reports into Micrometer meters (names in {@link MetricNames}). */
public final class MetricsObserver implements NotificationObserver {

  static final String DONE = "done";
  static final String DEAD_LETTERED = "dead_lettered";

  /** Latency buckets around the call timeouts: 15 s is the default whole-call limit. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)
  };

  private final MeterRegistry registry;
  private final ResultCodeLabel resultCodes = new ResultCodeLabel();
  private final AtomicInteger callsInFlight = new AtomicInteger();
  private final PendingRetries pendingRetries;
  private final Counter signatureFailures;
  private final Counter duplicatesSkipped;
  private final HeldCallMeters heldCalls;

  public MetricsObserver(final MeterRegistry registry) {
    this(registry, Clock.systemUTC());
  }

  MetricsObserver(final MeterRegistry registry, final Clock clock) {
    this.registry = registry;
    this.pendingRetries = new PendingRetries(registry, clock);
    this.heldCalls = new HeldCallMeters(registry);
    Gauge.builder(MetricNames.CALLS_IN_FLIGHT, callsInFlight, AtomicInteger::get)
        .description("notifyPayment calls started and not yet settled")
        .strongReference(true)
        .register(registry);
    signatureFailures =
        Counter.builder(MetricNames.RESPONSE_SIGNATURE_FAILURES)
            .description("Alipay+ answers whose signature was missing or wrong (retried)")
            .register(registry);
    duplicatesSkipped =
        Counter.builder(MetricNames.DUPLICATES_SKIPPED)
            .description("Repeated events of an already-notified payment, skipped")
            .register(registry);
  }

  @Override
  public void callCompleted(final NotifyOutcome outcome) {
    final CallReport call = outcome.call();
    final String kind = outcome.kind().name().toLowerCase(Locale.ROOT);
    registry
        .counter(MetricNames.CALLS, OUTCOME_TAG, kind, RESULT_CODE_TAG, resultCodes.of(call))
        .increment();
    if (call.latency() != null) {
      latencyTimer(kind).record(call.latency());
    }
    if (call.signatureRefused()) {
      signatureFailures.increment();
    }
  }

  @Override
  public void callStarted() {
    callsInFlight.incrementAndGet();
  }

  @Override
  public void callSettled() {
    callsInFlight.decrementAndGet();
  }

  @Override
  public void callHeld(final String host) {
    heldCalls.held(host);
  }

  @Override
  public void heldCallReleased(final String host) {
    heldCalls.released(host);
  }

  /** The per-host state and rate gauges of this overload control, and its held-call meters. */
  public void overloadControl(final OverloadControl control) {
    control.listen(new OverloadMetrics(registry, heldCalls));
  }

  @Override
  public void done(final NotificationDone done) {
    final String code = resultCodes.bounded(done.getAckResultCode());
    registry
        .counter(MetricNames.NOTIFICATIONS, OUTCOME_TAG, DONE, RESULT_CODE_TAG, code)
        .increment();
  }

  @Override
  public void deadLettered(final DeadLetter deadLetter) {
    final String code = lastResultCode(deadLetter.getHistory());
    registry
        .counter(MetricNames.NOTIFICATIONS, OUTCOME_TAG, DEAD_LETTERED, RESULT_CODE_TAG, code)
        .increment();
    registry
        .counter(MetricNames.DEAD_LETTERS, REASON_TAG, String.valueOf(deadLetter.getReason()))
        .increment();
  }

  @Override
  public void retryScheduled(final String paymentRequestId, final int attempt, final Instant due) {
    registry
        .counter(MetricNames.RETRIES_SCHEDULED, ATTEMPT_TAG, MetricNames.attemptLabel(attempt))
        .increment();
  }

  @Override
  public void retriesWaiting(final String taskId, final WaitingRetries waiting) {
    pendingRetries.report(taskId, waiting);
  }

  @Override
  public void duplicateSkipped(final String paymentRequestId) {
    duplicatesSkipped.increment();
  }

  /** Labels {@code notifier_crypto_provider_info} with the provider that signs and verifies. */
  public void cryptoProvider(final CryptoProvider provider) {
    Gauge.builder(MetricNames.CRYPTO_PROVIDER, () -> 1)
        .description("Always 1: the labels name the provider of RSA signing and verifying")
        .tag(PROVIDER_TAG, provider.kind().label())
        .tag(NAME_TAG, provider.name())
        .tag(VERSION_TAG, provider.version())
        .register(registry);
  }

  private Timer latencyTimer(final String kind) {
    return Timer.builder(MetricNames.CALL_LATENCY)
        .description("Duration of notifyPayment calls, start to answer, timeout or error")
        .tag(OUTCOME_TAG, kind)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  private String lastResultCode(final List<NotifyAttempt> history) {
    if (history == null || history.isEmpty()) {
      return ResultCodeLabel.NONE;
    }
    final NotifyAttempt last = history.get(history.size() - 1);
    return resultCodes.of(last.getResultCode(), last.getHttpStatus());
  }
}
