package io.paymentnotifier.notify;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * SHA256withRSA ("RSA256") over UTF-8 content with one chosen {@link CryptoProvider}; signatures
 * travel Base64 then URL-encoded.
 *
 * <p>One {@link Signature} per thread and signer: creating one per call costs more than verifying.
 */
public final class RsaSigner {

  public static final String ALGORITHM = "SHA256withRSA";

  private static final RsaSigner JDK = new RsaSigner(CryptoProvider.jdk());

  private final CryptoProvider provider;
  private final ThreadLocal<Signature> engine;

  private RsaSigner(final CryptoProvider provider) {
    this.provider = provider;
    this.engine = ThreadLocal.withInitial(this::newEngine);
  }

  /** Signs and verifies with this provider. */
  public static RsaSigner of(final CryptoProvider provider) {
    return new RsaSigner(provider);
  }

  /** Signs and verifies with the JDK's provider. */
  public static RsaSigner jdk() {
    return JDK;
  }

  /**
   * Signs and verifies with the provider this choice selects (see {@link CryptoProviders}).
   *
   * @param source the setting that made the choice, named when {@code native} is unavailable
   */
  public static RsaSigner select(final String source, final ProviderChoice choice) {
    return of(CryptoProviders.select(source, choice));
  }

  /** The provider that computes the signatures. */
  public CryptoProvider provider() {
    return provider;
  }

  /** The URL-encoded Base64 signature of the content. */
  public String sign(final PrivateKey key, final String content) {
    try {
      final Signature signature = engine.get();
      signature.initSign(key);
      signature.update(content.getBytes(StandardCharsets.UTF_8));
      final String base64 = Base64.getEncoder().encodeToString(signature.sign());
      return URLEncoder.encode(base64, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the configured private key", e);
    }
  }

  /**
   * True when {@code urlEncodedSignature} is the key's signature of the content; false, never an
   * exception, for anything else (bad Base64, wrong length, another key or content).
   */
  public boolean verify(
      final PublicKey key, final String content, final String urlEncodedSignature) {
    if (urlEncodedSignature == null) {
      return false;
    }
    try {
      final byte[] signature =
          Base64.getDecoder()
              .decode(URLDecoder.decode(urlEncodedSignature, StandardCharsets.UTF_8));
      final Signature verifier = engine.get();
      verifier.initVerify(key);
      verifier.update(content.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException | ProviderException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "RsaSigner[" + provider + "]";
  }

  private Signature newEngine() {
    try {
      return Signature.getInstance(ALGORITHM, provider.provider());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " missing from " + provider, e);
    }
  }
}
