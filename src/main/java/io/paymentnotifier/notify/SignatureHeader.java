package io.paymentnotifier.notify;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Signature} header: {@code algorithm=RSA256, keyVersion=1, signature=<value>}.
 *
 * @param algorithm always RSA256 when we write it
 * @param keyVersion the key version, as sent
 * @param signature Base64 then URL-encoded signature
 */
public record SignatureHeader(String algorithm, String keyVersion, String signature) {

  public static final String RSA256 = "RSA256";

  /** Our header for a signature made with key version {@code keyVersion}. */
  public static SignatureHeader rsa256(final int keyVersion, final String signature) {
    return new SignatureHeader(RSA256, Integer.toString(keyVersion), signature);
  }

  /** The header value, with the spaces after commas that the Alipay+ docs show. */
  public String format() {
    return "algorithm=" + algorithm + ", keyVersion=" + keyVersion + ", signature=" + signature;
  }

  /** Reads a header value; empty when it is absent or has no signature part. */
  public static Optional<SignatureHeader> parse(final String value) {
    if (value == null) {
      return Optional.empty();
    }
    String algorithm = null;
    String keyVersion = null;
    String signature = null;
    for (final String part : value.split(",")) {
      final int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      final String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      final String field = part.substring(eq + 1).trim();
      switch (name) {
        case "algorithm" -> algorithm = field;
        case "keyversion" -> keyVersion = field;
        case "signature" -> signature = field;
        default -> {
          // other pairs are allowed and carry nothing we check
        }
      }
    }
    if (signature == null || signature.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SignatureHeader(algorithm, keyVersion, signature));
  }
}
