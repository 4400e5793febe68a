package io.paymentnotifier.notify;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * SHA256withRSA with the JDK's provider, for code that does not depend on the configured one (key
 * checks, tools). The service signs and verifies through the {@link RsaSigner} of its settings.
 */
public final class RsaSignatures {

  public static final String ALGORITHM = RsaSigner.ALGORITHM;

  private RsaSignatures() {}

  /** The URL-encoded Base64 signature of the content, by the JDK's provider. */
  public static String sign(final PrivateKey key, final String content) {
    return RsaSigner.jdk().sign(key, content);
  }

  /** True when {@code urlEncodedSignature} is the key's signature of the content (JDK provider). */
  public static boolean verify(
      final PublicKey key, final String content, final String urlEncodedSignature) {
    return RsaSigner.jdk().verify(key, content, urlEncodedSignature);
  }
}
