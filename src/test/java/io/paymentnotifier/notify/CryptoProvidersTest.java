package io.paymentnotifier.notify;

import static io.paymentnotifier.config.AlipayConfigDef.CRYPTO_PROVIDER_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CryptoProvidersTest {

  private static final NativeProviderLoader UNAVAILABLE =
      () -> {
        throw new ProviderUnavailableException("no native build for riscv64");
      };

  private final Logger log = (Logger) LoggerFactory.getLogger("crypto-providers-test");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  CryptoProvidersTest() {
    log.setLevel(Level.INFO);
    log.setAdditive(false);
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void detach() {
    log.detachAppender(logged);
  }

  @Test
  void shouldPickTheNativeProviderForAutoOnLinuxX86OrAarch64() {
    // when
    final CryptoProvider selected =
        CryptoProviders.select(CRYPTO_PROVIDER_CONFIG, ProviderChoice.AUTO);
    // then
    assertThat(selected.kind()).isEqualTo(CryptoProvider.Kind.NATIVE);
    assertThat(selected.name()).isEqualTo("AmazonCorrettoCryptoProvider");
    assertThat(selected.version()).isEqualTo("2.5.0");
    assertThat(selected).hasToString("AmazonCorrettoCryptoProvider 2.5.0 (native)");
  }

  @Test
  void shouldLeaveTheJvmWideProvidersAsTheyWere() throws Exception {
    // when
    final CryptoProvider selected =
        CryptoProviders.select(CRYPTO_PROVIDER_CONFIG, ProviderChoice.AUTO);
    // then: TLS, Kafka and every other getInstance without a provider still get the JDK's
    assertThat(selected.kind()).isEqualTo(CryptoProvider.Kind.NATIVE);
    assertThat(Security.getProvider(selected.name())).isNull();
    assertThat(Signature.getInstance(RsaSigner.ALGORITHM).getProvider().getName())
        .isEqualTo("SunRsaSign");
  }

  @Test
  void shouldUseTheJdkProviderWhenForcedWithoutLoadingTheNativeOne() {
    // given
    final NativeProviderLoader mustNotLoad =
        () -> {
          throw new AssertionError("jdk must not load the native provider");
        };
    // when
    final CryptoProvider selected =
        CryptoProviders.select(CRYPTO_PROVIDER_CONFIG, ProviderChoice.JDK, mustNotLoad, log);
    // then
    assertThat(selected.kind()).isEqualTo(CryptoProvider.Kind.JDK);
    assertThat(selected.name()).isEqualTo("SunRsaSign");
    assertThat(warnings()).isEmpty();
  }

  @Test
  void shouldFallBackToTheJdkWithOneWarningWhenAutoFindsNoNativeProvider() {
    // when
    final CryptoProvider selected =
        CryptoProviders.select(CRYPTO_PROVIDER_CONFIG, ProviderChoice.AUTO, UNAVAILABLE, log);
    // then
    assertThat(selected.kind()).isEqualTo(CryptoProvider.Kind.JDK);
    assertThat(warnings())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("alipay.crypto.provider=auto")
                    .contains("JDK")
                    .contains("no native build for riscv64"));
    assertThat(infos()).singleElement().asString().contains("SunRsaSign");
  }

  @Test
  void shouldFailNamingTheKeyWhenNativeIsForcedAndUnavailable() {
    // when / then
    assertThatThrownBy(
            () ->
                CryptoProviders.select(
                    CRYPTO_PROVIDER_CONFIG, ProviderChoice.NATIVE, UNAVAILABLE, log))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("alipay.crypto.provider=native")
        .hasMessageContaining("no native build for riscv64");
  }

  @Test
  void shouldRefuseANativeProviderWhoseSignaturesDifferFromTheJdks() {
    // given: a provider whose "SHA256withRSA" is SHA-512 inside
    final NativeProviderLoader impostor = () -> new MislabelledRsaProvider();
    // when
    final CryptoProvider selected =
        CryptoProviders.select(CRYPTO_PROVIDER_CONFIG, ProviderChoice.AUTO, impostor, log);
    // then
    assertThat(selected.kind()).isEqualTo(CryptoProvider.Kind.JDK);
    assertThat(warnings())
        .singleElement()
        .asString()
        .contains("Impostor failed its self-check")
        .contains("differs from the JDK's");
    assertThatThrownBy(
            () ->
                CryptoProviders.select(
                    CRYPTO_PROVIDER_CONFIG, ProviderChoice.NATIVE, impostor, log))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alipay.crypto.provider");
  }

  @Test
  void shouldTakeANativeProviderThatPassesTheSelfCheck() throws Exception {
    // given: the real one, through the seam
    final NativeProviderLoader real = CorrettoProvider::load;
    // when
    final CryptoProvider selected =
        CryptoProviders.select(CRYPTO_PROVIDER_CONFIG, ProviderChoice.NATIVE, real, log);
    // then
    assertThat(selected.kind()).isEqualTo(CryptoProvider.Kind.NATIVE);
    assertThat(warnings()).isEmpty();
    assertThat(infos())
        .singleElement()
        .asString()
        .contains("AmazonCorrettoCryptoProvider 2.5.0 (native)");
  }

  @Test
  void shouldRefuseAnUnknownChoiceNamingTheSetting() {
    // when / then
    assertThatThrownBy(() -> ProviderChoice.parse("--crypto-provider", "openssl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--crypto-provider: 'openssl' is not one of auto, native, jdk");
    assertThat(ProviderChoice.parse("--crypto-provider", " JDK ")).isEqualTo(ProviderChoice.JDK);
  }

  private List<String> warnings() {
    return messages(Level.WARN);
  }

  private List<String> infos() {
    return messages(Level.INFO);
  }

  private List<String> messages(final Level level) {
    return logged.list.stream()
        .filter(event -> event.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  /** Registers the JDK's SHA512withRSA under the name SHA256withRSA. */
  private static final class MislabelledRsaProvider extends Provider {
    private static final long serialVersionUID = 1L;

    MislabelledRsaProvider() {
      super("Impostor", "1.0", "SHA-512 passed off as SHA-256");
      final Provider.Service sha512 =
          Security.getProvider("SunRsaSign").getService("Signature", "SHA512withRSA");
      putService(
          new Provider.Service(
              this, "Signature", "SHA256withRSA", sha512.getClassName(), null, null));
    }
  }
}
