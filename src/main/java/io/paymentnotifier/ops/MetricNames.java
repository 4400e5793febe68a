package io.paymentnotifier.ops;

import java.util.List;

/**
 * The service's own meter names (Micrometer form; Prometheus turns dots into underscores and adds
 * {@code _total} or {@code _seconds}), and the label rules shared by the meters.
 */
public final class MetricNames {

  /** Every notifyPayment call, by outcome and result code. */
  public static final String CALLS = "notifier.calls";

  /** Duration of notifyPayment calls, by outcome, as a histogram. */
  public static final String CALL_LATENCY = "notifier.call.latency";

  /** notifyPayment calls started and not yet settled by the stream thread. */
  public static final String CALLS_IN_FLIGHT = "notifier.calls.in.flight";

  /** Terminal outcomes: done or dead-lettered, with the last result code. */
  public static final String NOTIFICATIONS = "notifier.notifications";

  /** Dead-letter records written, by reason. */
  public static final String DEAD_LETTERS = "notifier.dead.letters";

  /** Retries scheduled, by the attempt they will make. */
  public static final String RETRIES_SCHEDULED = "notifier.retries.scheduled";

  /** Retries waiting in the schedule, by the attempt they will make. */
  public static final String RETRIES_PENDING = "notifier.retries.pending";

  /** Age of the oldest retry waiting in the schedule. */
  public static final String RETRY_OLDEST_PENDING_AGE = "notifier.retries.oldest.pending.age";

  /** Answers whose signature was missing or did not verify. */
  public static final String RESPONSE_SIGNATURE_FAILURES = "notifier.response.signature.failures";

  /** Repeated events of an already-notified payment that were skipped. */
  public static final String DUPLICATES_SKIPPED = "notifier.duplicates.skipped";

  /** Always 1; its labels say which crypto provider signs and verifies. */
  public static final String CRYPTO_PROVIDER = "notifier.crypto.provider.info";

  /** 1 for the state each Alipay+ host is in now (overload control), 0 for the others. */
  public static final String ALIPAY_STATE = "notifier.alipay.state";

  /** Requests per second overload control lets this instance send a host now; 0: no limit. */
  public static final String ALIPAY_PERMITTED_RATE =
      "notifier.alipay.permitted.requests.per.second";

  /** Calls held back by overload control right now: recorded, not sent. */
  public static final String CALLS_HELD = "notifier.calls.held";

  /** Calls overload control held back instead of sending them, since start. */
  public static final String CALLS_HELD_BACK = "notifier.calls.held.back";

  /** Changelog records restored into the local stores, by store. */
  public static final String RESTORE_RECORDS = "notifier.restore.records";

  /** Time spent restoring, by store, summed over its partitions. */
  public static final String RESTORE_SECONDS = "notifier.restore.seconds";

  /** Store partitions being restored now: above 0, the instance is not (yet) processing them. */
  public static final String RESTORES_ACTIVE = "notifier.restores.active";

  /** Changelog offsets still to restore, over the restores running. */
  public static final String RESTORE_REMAINING_RECORDS = "notifier.restore.remaining.records";

  /** The Prometheus names a scrape shows, for the README's metrics table. */
  public static final List<String> PROMETHEUS_NAMES =
      List.of(
          "notifier_calls_total",
          "notifier_call_latency_seconds",
          "notifier_calls_in_flight",
          "notifier_notifications_total",
          "notifier_dead_letters_total",
          "notifier_retries_scheduled_total",
          "notifier_retries_pending",
          "notifier_retries_oldest_pending_age_seconds",
          "notifier_response_signature_failures_total",
          "notifier_duplicates_skipped_total",
          "notifier_crypto_provider_info",
          "notifier_alipay_state",
          "notifier_alipay_permitted_requests_per_second",
          "notifier_calls_held",
          "notifier_calls_held_back_total");

  /** The Prometheus names of {@link RestoreMetrics}, for the README's metrics table. */
  public static final List<String> RESTORE_PROMETHEUS_NAMES =
      List.of(
          "notifier_restore_records_total",
          "notifier_restore_seconds_total",
          "notifier_restores_active",
          "notifier_restore_remaining_records");

  static final String OUTCOME_TAG = "outcome";
  static final String RESULT_CODE_TAG = "result_code";
  static final String REASON_TAG = "reason";
  static final String ATTEMPT_TAG = "attempt";
  static final String PROVIDER_TAG = "provider";
  static final String NAME_TAG = "name";
  static final String VERSION_TAG = "version";
  static final String HOST_TAG = "host";
  static final String STATE_TAG = "state";

  /** Attempts above this share one label, so the label set stays small whatever the ladder. */
  static final int MAX_ATTEMPT_LABEL = 10;

  private MetricNames() {}

  static String attemptLabel(final int attempt) {
    return attempt > MAX_ATTEMPT_LABEL ? (MAX_ATTEMPT_LABEL + 1) + "+" : String.valueOf(attempt);
  }
}
