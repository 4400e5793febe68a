package io.paymentnotifier.simulator;

import io.paymentnotifier.notify.RsaSigner;
import io.paymentnotifier.notify.SignatureHeader;
import io.paymentnotifier.notify.SignedContent;
import java.security.PrivateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Signs the simulator's answers with the Alipay+ key, caching by signed content: answers are
 * stamped to the second and mostly identical, so one RSA signature serves many responses.
 */
final class ResponseSigner {

  private static final int MAX_CACHED = 4096;

  /** Oversize answers are signed every time: a few cached would hold megabytes. */
  private static final int MAX_CACHED_CONTENT = 8 * 1024;

  private static final String TAMPER = "\ntampered";

  private final RsaSigner signatures;
  private final PrivateKey alipayPrivateKey;
  private final Map<String, String> cache = new ConcurrentHashMap<>();
  private final LongAdder signaturesMade = new LongAdder();

  ResponseSigner(final RsaSigner signatures, final PrivateKey alipayPrivateKey) {
    this.signatures = signatures;
    this.alipayPrivateKey = alipayPrivateKey;
  }

  /** The Signature header for the answer, or a valid-looking one over other content. */
  String header(
      final String path,
      final String clientId,
      final String responseTime,
      final String body,
      final boolean tampered) {
    final String content =
        SignedContent.of(path, clientId, responseTime, body) + (tampered ? TAMPER : "");
    if (content.length() > MAX_CACHED_CONTENT) {
      signaturesMade.increment();
      return SignatureHeader.rsa256(1, signatures.sign(alipayPrivateKey, content)).format();
    }
    String signature = cache.get(content);
    if (signature == null) {
      if (cache.size() >= MAX_CACHED) {
        // Entries are per second; old seconds are never asked for again.
        cache.clear();
      }
      signature = signatures.sign(alipayPrivateKey, content);
      signaturesMade.increment();
      cache.put(content, signature);
    }
    return SignatureHeader.rsa256(1, signature).format();
  }

  /** RSA signatures computed so far (cache misses). */
  long signaturesMade() {
    return signaturesMade.sum();
  }
}
