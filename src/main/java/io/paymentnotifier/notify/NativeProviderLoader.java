package io.paymentnotifier.notify;

import java.security.Provider;

/** Where the native provider comes from: {@link CorrettoProvider} in production. */
@FunctionalInterface
public interface NativeProviderLoader {

  /**
   * The native provider, loaded and healthy.
   *
   * @throws ProviderUnavailableException saying why there is none on this JVM
   */
  Provider load() throws ProviderUnavailableException;
}
