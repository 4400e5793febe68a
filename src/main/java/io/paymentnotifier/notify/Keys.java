package io.paymentnotifier.notify;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads and writes RSA keys as PEM (PKCS#8 private, X.509 public) or bare Base64 of the same DER.
 *
 * <p>Errors name where the key came from (a config key, a file) and never echo the key text.
 */
public final class Keys {

  private static final String PKCS1_HEADER = "-----BEGIN RSA PRIVATE KEY-----";
  private static final int RSA_BITS = 2048;

  private Keys() {}

  /** An RSA private key from PEM or Base64 PKCS#8; {@code source} names it in errors. */
  public static RSAPrivateKey privateKey(final String source, final String text) {
    if (text.contains(PKCS1_HEADER)) {
      throw new ConfigException(
          source
              + ": PKCS#1 'RSA PRIVATE KEY' is not supported; convert it with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
    }
    final byte[] der = decode(source, text, "private key");
    try {
      return (RSAPrivateKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new ConfigException(source + ": not an RSA private key in PKCS#8 form");
    }
  }

  /** An RSA public key from PEM or Base64 X.509; {@code source} names it in errors. */
  public static RSAPublicKey publicKey(final String source, final String text) {
    final byte[] der = decode(source, text, "public key");
    try {
      return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new ConfigException(source + ": not an RSA public key in X.509 form");
    }
  }

  /**
   * Fails unless the private key signs with these signatures and, when given, the public key
   * verifies its signature.
   */
  public static void requireUsable(
      final String source,
      final PrivateKey privateKey,
      final PublicKey publicKeyOrNull,
      final RsaSigner signatures) {
    final String probe = "payment-notifier key check";
    final String signature;
    try {
      signature = signatures.sign(privateKey, probe);
    } catch (IllegalStateException e) {
      throw new ConfigException(
          source
              + ": the private key cannot sign with "
              + RsaSigner.ALGORITHM
              + " by "
              + signatures.provider());
    }
    if (publicKeyOrNull != null && !signatures.verify(publicKeyOrNull, probe, signature)) {
      throw new ConfigException(
          source
              + ": the private key does not pair with the configured public key (mismatched keys)");
    }
  }

  /** A fresh RSA-2048 key pair. */
  public static KeyPair generateRsaPair() {
    try {
      final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(RSA_BITS);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is missing from this JVM", e);
    }
  }

  /** PEM text of a private key, PKCS#8 ("PRIVATE KEY"). */
  public static String toPem(final PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** PEM text of a public key, X.509 ("PUBLIC KEY"). */
  public static String toPem(final PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  private static String pem(final String type, final byte[] der) {
    final String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static byte[] decode(final String source, final String text, final String what) {
    // Env vars often carry PEM newlines as the two characters "\n".
    final String unescaped = text.replace("\\n", "\n");
    final StringBuilder base64 = new StringBuilder(unescaped.length());
    for (final String line : unescaped.split("\n")) {
      final String trimmed = line.trim();
      if (!trimmed.startsWith("-----")) {
        base64.append(trimmed);
      }
    }
    if (base64.length() == 0) {
      throw new ConfigException(source + ": no " + what + " found (empty)");
    }
    try {
      return Base64.getDecoder().decode(base64.toString().replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source + ": the " + what + " is neither PEM nor Base64");
    }
  }

  private static KeyFactory rsa() throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA");
  }
}
