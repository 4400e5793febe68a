package io.paymentnotifier.notify;

import java.security.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the provider for a {@link ProviderChoice}: {@code auto} takes the native one when it loads
 * and agrees with the JDK ({@link ProviderSelfCheck}), else the JDK's with one WARN line; {@code
 * native} fails naming the setting when there is none; {@code jdk} takes the JDK's.
 */
public final class CryptoProviders {

  private static final Logger LOG = LoggerFactory.getLogger(CryptoProviders.class);

  /** Loading and checking take about half a second: once per JVM and choice. */
  private static final Map<ProviderChoice, CryptoProvider> SELECTED = new ConcurrentHashMap<>();

  private CryptoProviders() {}

  /**
   * The provider of this choice, the native one being Amazon Corretto Crypto Provider.
   *
   * @param source the setting that made the choice, named in the error when {@code native} is
   *     unavailable
   * @throws ConfigException when {@code native} is chosen and unavailable
   */
  public static CryptoProvider select(final String source, final ProviderChoice choice) {
    return SELECTED.computeIfAbsent(choice, c -> select(source, c, CorrettoProvider::load, LOG));
  }

  /** The same selection with the native provider from {@code loader}, not remembered. */
  static CryptoProvider select(
      final String source,
      final ProviderChoice choice,
      final NativeProviderLoader loader,
      final Logger log) {
    final CryptoProvider selected =
        switch (choice) {
          case JDK -> CryptoProvider.jdk();
          case NATIVE -> required(source, loader);
          case AUTO -> auto(source, loader, log);
        };
    log.info("RSA signatures by {}: {}={}", selected, source, choice.label());
    return selected;
  }

  private static CryptoProvider auto(
      final String source, final NativeProviderLoader loader, final Logger log) {
    final Result result = nativeProvider(loader);
    if (result.provider() != null) {
      return result.provider();
    }
    log.warn(
        "{}=auto: signing with the JDK's provider, the native one is unavailable: {}",
        source,
        result.problem());
    return CryptoProvider.jdk();
  }

  private static CryptoProvider required(final String source, final NativeProviderLoader loader) {
    final Result result = nativeProvider(loader);
    if (result.provider() == null) {
      throw new ConfigException(
          source
              + "=native: the native crypto provider is unavailable: "
              + result.problem()
              + " (set auto or jdk)");
    }
    return result.provider();
  }

  private static Result nativeProvider(final NativeProviderLoader loader) {
    final Provider loaded;
    try {
      loaded = loader.load();
    } catch (ProviderUnavailableException e) {
      return Result.failed(e.getMessage());
    }
    final Optional<String> problem = ProviderSelfCheck.problem(loaded);
    return problem
        .map(p -> Result.failed(loaded.getName() + " failed its self-check: " + p))
        .orElseGet(() -> Result.of(new CryptoProvider(CryptoProvider.Kind.NATIVE, loaded)));
  }

  /** A loaded and checked native provider, or why there is none. */
  private record Result(CryptoProvider provider, String problem) {
    static Result of(final CryptoProvider provider) {
      return new Result(provider, null);
    }

    static Result failed(final String problem) {
      return new Result(null, problem);
    }
  }
}
