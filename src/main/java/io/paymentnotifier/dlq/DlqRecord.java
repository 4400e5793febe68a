package io.paymentnotifier.dlq;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.NotifyAttempt;
import java.time.Instant;
import java.util.List;

/**
 * One record of the dead-letter topic as the DLQ tool sees it: where it is, and the dead letter it
 * holds, or why that could not be read.
 *
 * @param topic the DLQ topic
 * @param partition its partition
 * @param offset its offset
 * @param key the record key as UTF-8 text (the paymentRequestId when known), or null
 * @param timestamp the record timestamp
 * @param letter the dead letter, or null when unreadable
 * @param unreadable why the value could not be read, or null
 */
public record DlqRecord(
    String topic,
    int partition,
    long offset,
    String key,
    Instant timestamp,
    DeadLetter letter,
    String unreadable) {

  /** {@code topic/partition/offset}: names this record for good (the replay ledger's key). */
  public String coordinates() {
    return topic + "/" + partition + "/" + offset;
  }

  /**
   * The payment this record is about: the dead letter's paymentRequestId, else the record key (the
   * input's key, when its event could not be read), else null. What {@code dlq list} shows and
   * {@code --key} matches: a record written by an earlier release may have another key.
   */
  public String paymentRequestId() {
    if (letter != null && letter.getPaymentRequestId() != null) {
      return letter.getPaymentRequestId();
    }
    return key;
  }

  /** The reason name, or {@code UNREADABLE} when the record itself cannot be read. */
  public String reason() {
    return letter == null ? "UNREADABLE" : letter.getReason().name();
  }

  /** Attempts made before dead-lettering. */
  public int attempts() {
    return letter == null ? 0 : letter.getHistory().size();
  }

  /**
   * The last attempt's result code; else its HTTP status ({@code HTTP_503}); else {@code
   * NO_ANSWER}; {@code -} when no call was made.
   */
  public String lastResultCode() {
    if (letter == null || letter.getHistory().isEmpty()) {
      return "-";
    }
    final List<NotifyAttempt> history = letter.getHistory();
    final NotifyAttempt last = history.get(history.size() - 1);
    if (last.getResultCode() != null) {
      return last.getResultCode();
    }
    if (last.getHttpStatus() != null) {
      return "HTTP_" + last.getHttpStatus();
    }
    return "NO_ANSWER";
  }

  /** When it last failed: the letter's lastFailureAt, else when it was dead-lettered. */
  public Instant lastFailureAt() {
    if (letter == null) {
      return timestamp;
    }
    return letter.getLastFailureAt() != null
        ? letter.getLastFailureAt()
        : letter.getDeadLetteredAt();
  }

  /** Whether replay can re-publish something: the original event or its raw bytes. */
  public boolean replayable() {
    return letter != null && (letter.getEvent() != null || letter.getRawValue() != null);
  }
}
