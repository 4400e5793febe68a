package io.paymentnotifier.dlq;

/** Headers the DLQ tool puts on a replayed event, so its past stays traceable. */
public final class ReplayHeaders {

  /** {@code topic/partition/offset} of the DLQ record replayed: its full history is there. */
  public static final String REPLAY_OF = "dlq-replay-of";

  /** The reason the record had been dead-lettered for, e.g. REJECTED. */
  public static final String REPLAY_REASON = "dlq-replay-reason";

  /** When it was replayed, ISO-8601. */
  public static final String REPLAYED_AT = "dlq-replayed-at";

  private ReplayHeaders() {}
}
