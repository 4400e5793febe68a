package io.paymentnotifier.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * What one notifyPayment call saw; the topology turns it into a NotifyAttempt of the history.
 *
 * @param startedAt when the call started
 * @param latency from start to answer, timeout or error
 * @param httpStatus HTTP status, or null when no answer arrived
 * @param resultStatus result.resultStatus of the answer, or null when unreadable or absent
 * @param resultCode result.resultCode, or null
 * @param resultMessage result.resultMessage, or null
 * @param error what went wrong without a usable answer, or null
 */
public record CallReport(
    Instant startedAt,
    Duration latency,
    Integer httpStatus,
    String resultStatus,
    String resultCode,
    String resultMessage,
    String error) {

  /** The error of an answer without a signature, or without the Response-Time it covers. */
  public static final String SIGNATURE_MISSING = "response signature missing";

  /** The error of an answer whose signature does not verify with the Alipay+ public key. */
  public static final String SIGNATURE_INVALID = "response signature invalid";

  /** The error of a call the client ended unsent because it was closing. */
  public static final String CLIENT_CLOSED = "notify client is closed";

  /** True when an answer was refused for its signature alone (a key mismatch, or tampering). */
  public boolean signatureRefused() {
    return SIGNATURE_MISSING.equals(error) || SIGNATURE_INVALID.equals(error);
  }
}
