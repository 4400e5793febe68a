package io.paymentnotifier.notify;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Locale;

/**
 * The JCA provider that computes SHA256withRSA, and what logs and metrics call it.
 *
 * @param kind native or the JDK's
 * @param provider passed to {@link Signature#getInstance(String, Provider)}, never installed
 *     JVM-wide, so TLS and the Kafka clients keep the JVM's own providers
 */
public record CryptoProvider(Kind kind, Provider provider) {

  /** Native code (a provider that links a C library) or the JDK's Java implementation. */
  public enum Kind {
    NATIVE,
    JDK;

    /** {@code native} or {@code jdk}, the metric label. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final String JDK_RSA_PROVIDER = "SunRsaSign";

  /** The JDK's RSA provider, SunRsaSign (or, where a JDK lacks it, its configured one). */
  public static CryptoProvider jdk() {
    final Provider sunRsaSign = Security.getProvider(JDK_RSA_PROVIDER);
    if (sunRsaSign != null) {
      return new CryptoProvider(Kind.JDK, sunRsaSign);
    }
    try {
      return new CryptoProvider(Kind.JDK, Signature.getInstance(RsaSigner.ALGORITHM).getProvider());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(RsaSigner.ALGORITHM + " missing from this JVM", e);
    }
  }

  /** The provider's name, e.g. AmazonCorrettoCryptoProvider or SunRsaSign. */
  public String name() {
    return provider.getName();
  }

  /** The provider's version, e.g. 2.5.0 or 17. */
  public String version() {
    return provider.getVersionStr();
  }

  /** e.g. {@code AmazonCorrettoCryptoProvider 2.5.0 (native)}. */
  @Override
  public String toString() {
    return name() + " " + version() + " (" + kind.label() + ")";
  }
}
