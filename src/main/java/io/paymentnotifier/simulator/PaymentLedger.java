package io.paymentnotifier.simulator;

import io.paymentnotifier.notify.AckResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alipay+'s idempotency memory: the first body of each paymentRequestId and, once it was processed
 * to a final answer, that answer, so identical repeats get it again.
 */
final class PaymentLedger {

  /** What a request means for the ledger. */
  enum Verdict {
    /** First time, or a repeat whose earlier tries got no final answer: process it. */
    PROCESS,
    /** An identical repeat of a request already answered finally: answer the same. */
    REPEAT,
    /** Same paymentRequestId, other body: REPEAT_REQ_INCONSISTENT. */
    INCONSISTENT
  }

  private static final class Entry {
    final String body;
    volatile AckResult finalAnswer;

    Entry(final String body) {
      this.body = body;
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  Verdict check(final String paymentRequestId, final String body) {
    final Entry entry = entries.computeIfAbsent(paymentRequestId, id -> new Entry(body));
    if (!entry.body.equals(body)) {
      return Verdict.INCONSISTENT;
    }
    return entry.finalAnswer == null ? Verdict.PROCESS : Verdict.REPEAT;
  }

  AckResult finalAnswer(final String paymentRequestId) {
    return entries.get(paymentRequestId).finalAnswer;
  }

  void recordFinal(final String paymentRequestId, final AckResult answer) {
    final Entry entry = entries.get(paymentRequestId);
    if (entry != null && entry.finalAnswer == null) {
      entry.finalAnswer = answer;
    }
  }
}
