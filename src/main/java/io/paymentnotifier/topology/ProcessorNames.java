package io.paymentnotifier.topology;

/**
 * The stable name of every processor, store and sink of the topology. Store names are part of the
 * changelog topic names ({@code <application.id>-<store>-changelog}): renaming one loses its state,
 * which is why {@code topology.txt} pins them all.
 */
public final class ProcessorNames {

  public static final String PAYMENT_EVENTS_SOURCE = "payment-events-source";
  public static final String RETRY_SOURCE = "retry-source";
  public static final String DECODE_PAYMENT = "decode-payment";
  public static final String DEDUP_PAYMENT = "dedup-payment";
  public static final String SCHEDULE_RETRY = "schedule-retry";
  public static final String NOTIFY_CALL = "notify-call";
  public static final String ROUTE_OUTCOME = "route-outcome";
  public static final String DONE_SINK = "done-sink";
  public static final String RETRY_SINK = "retry-sink";
  public static final String DLQ_SINK = "dlq-sink";

  /** Notifications being called or waiting for a retry, one NotificationState per payment. */
  public static final String IN_FLIGHT_STORE = "in-flight-store";

  /** An index of the waiting retries by due time; the notification stays in the in-flight store. */
  public static final String RETRY_SCHEDULE_STORE = "retry-schedule-store";

  /**
   * Key-field fingerprints of acknowledged payments and marks of dead-lettered ones, kept for
   * dedup.window (see FinishedPayments).
   */
  public static final String DONE_STORE = "done-store";

  private ProcessorNames() {}
}
