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
  public static final String DLQ_SOURCE = "dlq-source";
  public static final String INDEX_DEAD_LETTER = "index-dead-letter";

  /** Notifications being called or waiting for a retry, one NotificationState per payment. */
  public static final String IN_FLIGHT_STORE = "in-flight-store";

  /** An index of the waiting retries by due time; the notification stays in the in-flight store. */
  public static final String RETRY_SCHEDULE_STORE = "retry-schedule-store";

  /**
   * How each payment ended (acknowledged with its fingerprint and code, or dead-lettered with the
   * reason), kept for dedup.window (see FinishedPayments).
   */
  public static final String DONE_STORE = "done-store";

  /**
   * Where each payment's DLQ records are (topic, partition, offset) and why, read back from the DLQ
   * topic by its own sub-topology, kept for dedup.window (see DeadLetterIndexer).
   */
  public static final String DEAD_LETTER_INDEX_STORE = "dead-letter-index-store";

  private ProcessorNames() {}
}
