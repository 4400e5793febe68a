package io.paymentnotifier.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * A candidate provider's SHA256withRSA against the JDK's, on a fresh key, before the service trusts
 * it: PKCS#1 v1.5 is deterministic, so both must give the same bytes, and the candidate must accept
 * that signature and refuse it over other content.
 */
final class ProviderSelfCheck {

  private static final byte[] PROBE =
      "payment-notifier provider self-check: {\"amount\":\"1000\",\"note\":\"Zahlung ü 支付\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final int RSA_BITS = 2048;

  private ProviderSelfCheck() {}

  /** Why the candidate cannot be trusted, or empty when it agrees with the JDK. */
  static Optional<String> problem(final Provider candidate) {
    try {
      final KeyPair pair = jdkEncodedPair(candidate);
      final byte[] expected = sign(CryptoProvider.jdk().provider(), pair.getPrivate());
      final byte[] actual = sign(candidate, pair.getPrivate());
      if (!Arrays.equals(expected, actual)) {
        return Optional.of("its signature differs from the JDK's for the same key and content");
      }
      if (!verifies(candidate, pair.getPublic(), PROBE, expected)) {
        return Optional.of("it refuses the JDK's valid signature");
      }
      final byte[] other = Arrays.copyOf(PROBE, PROBE.length + 1);
      if (verifies(candidate, pair.getPublic(), other, expected)) {
        return Optional.of("it accepts a signature over other content");
      }
      return Optional.empty();
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.of("its self-check failed: " + e);
    }
  }

  /**
   * A fresh pair made by the candidate (fast in native code), re-read with the JDK's key factory:
   * the service's own keys are JDK key objects too (see {@link Keys}).
   */
  private static KeyPair jdkEncodedPair(final Provider candidate) throws GeneralSecurityException {
    KeyPairGenerator generator;
    try {
      generator = KeyPairGenerator.getInstance("RSA", candidate);
    } catch (NoSuchAlgorithmException e) {
      generator = KeyPairGenerator.getInstance("RSA");
    }
    generator.initialize(RSA_BITS);
    final KeyPair made = generator.generateKeyPair();
    final KeyFactory jdk = KeyFactory.getInstance("RSA", CryptoProvider.jdk().provider());
    final PrivateKey privateKey =
        jdk.generatePrivate(new PKCS8EncodedKeySpec(made.getPrivate().getEncoded()));
    final PublicKey publicKey =
        jdk.generatePublic(new X509EncodedKeySpec(made.getPublic().getEncoded()));
    return new KeyPair(publicKey, privateKey);
  }

  private static byte[] sign(final Provider provider, final PrivateKey key)
      throws GeneralSecurityException {
    final Signature engine = Signature.getInstance(RsaSigner.ALGORITHM, provider);
    engine.initSign(key);
    engine.update(PROBE);
    return engine.sign();
  }

  private static boolean verifies(
      final Provider provider, final PublicKey key, final byte[] content, final byte[] signature)
      throws GeneralSecurityException {
    final Signature engine = Signature.getInstance(RsaSigner.ALGORITHM, provider);
    engine.initVerify(key);
    engine.update(content);
    return engine.verify(signature);
  }
}
