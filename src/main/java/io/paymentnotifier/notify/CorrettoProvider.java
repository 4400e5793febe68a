package io.paymentnotifier.notify;

import java.lang.reflect.InvocationTargetException;
import java.security.Provider;

/**
 * Loads Amazon Corretto Crypto Provider (AWS-LC inside) when the jar built for this platform is on
 * the class path, and runs its own health check.
 *
 * <p>Through reflection because the jar is platform-specific (linux-x86_64, linux-aarch_64): the
 * build carries the one for its own platform, and on any other the class is simply absent.
 */
final class CorrettoProvider {

  static final String CLASS_NAME =
      "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

  private CorrettoProvider() {}

  /** The provider, loaded and healthy; throws saying why not. */
  static Provider load() throws ProviderUnavailableException {
    final Class<?> type = providerClass();
    try {
      final Provider provider = (Provider) type.getField("INSTANCE").get(null);
      final Throwable loadingError = (Throwable) type.getMethod("getLoadingError").invoke(provider);
      if (loadingError != null) {
        throw new ProviderUnavailableException(
            "Amazon Corretto Crypto Provider did not load its native library: " + loadingError,
            loadingError);
      }
      type.getMethod("assertHealthy").invoke(provider);
      return provider;
    } catch (InvocationTargetException e) {
      throw new ProviderUnavailableException(
          "Amazon Corretto Crypto Provider is not healthy: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      throw new ProviderUnavailableException(
          "Amazon Corretto Crypto Provider cannot be loaded: " + e, e);
    }
  }

  private static Class<?> providerClass() throws ProviderUnavailableException {
    try {
      return Class.forName(CLASS_NAME);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ProviderUnavailableException(
          "Amazon Corretto Crypto Provider is not on the class path (the build carries it for"
              + " Linux x86_64 and aarch64; this is "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + ")");
    }
  }
}
