package io.paymentnotifier.notify;

import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Verifies response signatures, remembering the (content, signature) pairs that verified.
 *
 * <p>notifyPayment answers are stamped to the second and mostly identical ({@code SUCCESS}), so at
 * hundreds of calls per second most answers repeat one already verified; an RSA verification (tens
 * of microseconds on the I/O thread) is then a map lookup. Only exact pairs that verified with this
 * key are remembered, so the outcome is the one verifying again would give.
 */
final class VerifiedSignatures {

  private static final int MAX_REMEMBERED = 1024;

  private final RsaSigner signatures;
  private final PublicKey key;
  private final Map<String, Boolean> verified = new ConcurrentHashMap<>();
  private final LongAdder verifications = new LongAdder();

  VerifiedSignatures(final RsaSigner signatures, final PublicKey key) {
    this.signatures = signatures;
    this.key = key;
  }

  /** True when {@code urlEncodedSignature} is the key's signature of the content. */
  boolean verify(final String content, final String urlEncodedSignature) {
    final String pair = content + '\n' + urlEncodedSignature;
    if (verified.containsKey(pair)) {
      return true;
    }
    verifications.increment();
    if (!signatures.verify(key, content, urlEncodedSignature)) {
      return false;
    }
    if (verified.size() >= MAX_REMEMBERED) {
      // Pairs carry their second; those of past seconds are not asked for again.
      verified.clear();
    }
    verified.put(pair, Boolean.TRUE);
    return true;
  }

  /** RSA verifications run so far (pairs not remembered). */
  long verifications() {
    return verifications.sum();
  }
}
