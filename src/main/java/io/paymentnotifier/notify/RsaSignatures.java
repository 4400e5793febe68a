package io.paymentnotifier.notify;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * SHA256withRSA ("RSA256") over UTF-8 content; signatures travel Base64 then URL-encoded.
 *
 * <p>One {@link Signature} per thread: creating one per call costs more than verifying.
 */
public final class RsaSignatures {

  public static final String ALGORITHM = "SHA256withRSA";

  private static final ThreadLocal<Signature> ENGINE =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Signature.getInstance(ALGORITHM);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(ALGORITHM + " missing from this JVM", e);
            }
          });

  private RsaSignatures() {}

  /** The URL-encoded Base64 signature of the content. */
  public static String sign(final PrivateKey key, final String content) {
    try {
      final Signature engine = ENGINE.get();
      engine.initSign(key);
      engine.update(content.getBytes(StandardCharsets.UTF_8));
      final String base64 = Base64.getEncoder().encodeToString(engine.sign());
      return URLEncoder.encode(base64, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the configured private key", e);
    }
  }

  /** True when {@code urlEncodedSignature} is the key's signature of the content. */
  public static boolean verify(
      final PublicKey key, final String content, final String urlEncodedSignature) {
    try {
      final byte[] signature =
          Base64.getDecoder()
              .decode(URLDecoder.decode(urlEncodedSignature, StandardCharsets.UTF_8));
      final Signature engine = ENGINE.get();
      engine.initVerify(key);
      engine.update(content.getBytes(StandardCharsets.UTF_8));
      return engine.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
