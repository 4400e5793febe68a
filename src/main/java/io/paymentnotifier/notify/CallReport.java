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
    String error) {}
