package io.paymentnotifier.notify;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * RSA pairs generated once per test JVM (never committed): the MPP's, Alipay+'s and a stranger's.
 */
public final class TestKeys {

  private static final KeyPair MPP = Keys.generateRsaPair();
  private static final KeyPair ALIPAY = Keys.generateRsaPair();
  private static final KeyPair OTHER = Keys.generateRsaPair();

  private TestKeys() {}

  public static RSAPrivateKey mppPrivate() {
    return (RSAPrivateKey) MPP.getPrivate();
  }

  public static RSAPublicKey mppPublic() {
    return (RSAPublicKey) MPP.getPublic();
  }

  public static RSAPrivateKey alipayPrivate() {
    return (RSAPrivateKey) ALIPAY.getPrivate();
  }

  public static RSAPublicKey alipayPublic() {
    return (RSAPublicKey) ALIPAY.getPublic();
  }

  /** A pair that belongs to nobody: signs what no one verifies. */
  public static KeyPair stranger() {
    return OTHER;
  }
}
