package io.paymentnotifier.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The simulator's HTTPS identity, from a PKCS#12 key store holding its certificate and key. */
public final class SimulatorTls {

  private SimulatorTls() {}

  /** A server SSLContext from the key store; the message names the file, never the password. */
  public static SSLContext fromPkcs12(final Path keyStore, final char[] password) {
    try (InputStream in = Files.newInputStream(keyStore)) {
      final KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, password);
      final KeyManagerFactory managers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      managers.init(keys, password);
      final SSLContext context = SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot load the TLS key store " + keyStore + " (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }
}
