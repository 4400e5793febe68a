package io.paymentnotifier.notify;

import static io.paymentnotifier.config.AlipayConfigDef.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentnotifier.config.NotifierConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlipaySettingsTest {

  @TempDir Path dir;
  private final Map<String, String> settings = new HashMap<>();

  @BeforeEach
  void minimalConfig() throws Exception {
    settings.put("kafka.bootstrap.servers", "localhost:9092");
    settings.put("schema.registry.url", "http://localhost:8081");
    settings.put(CLIENT_ID_CONFIG, "SANDBOX_1");
    settings.put(BASE_URL_CONFIG, "https://alipay.example/");
    settings.put(
        PRIVATE_KEY_FILE_CONFIG, write("mpp-private.pem", Keys.toPem(TestKeys.mppPrivate())));
    settings.put(PUBLIC_KEY_CONFIG, Keys.toPem(TestKeys.alipayPublic()));
  }

  private String write(final String name, final String text) throws Exception {
    final Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  private AlipaySettings load() {
    return AlipaySettings.from(new NotifierConfig(settings));
  }

  @Test
  void shouldReadKeysFromFileAndInlineValueWithDefaultLimits() {
    // when
    final AlipaySettings alipay = load();
    // then
    assertThat(alipay.mppPrivateKey()).isEqualTo(TestKeys.mppPrivate());
    assertThat(alipay.alipayPublicKey()).isEqualTo(TestKeys.alipayPublic());
    assertThat(alipay.defaultNotifyUrl())
        .isEqualTo(URI.create("https://alipay.example/aps/api/v1/payments/notifyPayment"));
    assertThat(alipay.callTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(alipay.acceptUnsignedResponses()).isFalse();
    assertThat(alipay.signerThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(alipay.ioThreads()).isOne();
  }

  @Test
  void shouldFailNamingTheKeyWhenTheHttpClientGetsNoIoThread() {
    // given
    settings.put(IO_THREADS_CONFIG, "0");
    // when / then
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.io.threads");
  }

  @Test
  void shouldFailNamingTheKeyWhenPrivateKeyIsAbsent() {
    // given
    settings.remove(PRIVATE_KEY_FILE_CONFIG);
    // when / then
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("alipay.private.key.file: the MPP private key is required");
  }

  @Test
  void shouldFailNamingTheKeyWhenPrivateKeyFileIsMissing() {
    // given
    settings.put(PRIVATE_KEY_FILE_CONFIG, "/x/none.pem");
    // when / then
    assertThatThrownBy(this::load)
        .hasMessage("alipay.private.key.file: file " + Path.of("/x/none.pem") + " not found");
  }

  @Test
  void shouldFailWhenBothFileAndInlineKeyAreSet() {
    // given
    settings.put(PRIVATE_KEY_CONFIG, Keys.toPem(TestKeys.mppPrivate()));
    // when / then
    assertThatThrownBy(this::load).hasMessageContaining("not both");
  }

  @Test
  void shouldFailWhenAlipayPublicKeyIsAbsentUnlessUnsignedAnswersAreAccepted() {
    // given
    settings.remove(PUBLIC_KEY_CONFIG);
    // when / then
    assertThatThrownBy(this::load)
        .hasMessageStartingWith("alipay.public.key.file: the Alipay+ public key is required");
    settings.put(ACCEPT_UNSIGNED_CONFIG, "true");
    assertThat(load().alipayPublicKey()).isNull();
  }

  @Test
  void shouldFailAtStartWhenConfiguredMppKeysDoNotPair() throws Exception {
    // given
    settings.put(
        MPP_PUBLIC_KEY_FILE_CONFIG, write("mpp-public.pem", Keys.toPem(TestKeys.alipayPublic())));
    // when / then
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alipay.private.key.file")
        .hasMessageContaining("mismatched");
  }

  @Test
  void shouldAcceptPairingMppKeys() throws Exception {
    // given
    settings.put(
        MPP_PUBLIC_KEY_FILE_CONFIG, write("mpp-public.pem", Keys.toPem(TestKeys.mppPublic())));
    // when / then
    assertThat(load().mppPrivateKey()).isEqualTo(TestKeys.mppPrivate());
  }

  @Test
  void shouldNotShowKeysInToString() {
    assertThat(load().toString())
        .contains("SANDBOX_1")
        .doesNotContain(TestKeys.mppPrivate().getPrivateExponent().toString().substring(0, 20));
  }

  @Test
  void shouldSignNativelyByDefaultOnLinuxX86OrAarch64() {
    // when
    final AlipaySettings alipay = load();
    // then
    assertThat(alipay.signatures().provider().kind()).isEqualTo(CryptoProvider.Kind.NATIVE);
    assertThat(alipay.toString()).contains("crypto=AmazonCorrettoCryptoProvider 2.5.0 (native)");
  }

  @Test
  void shouldSignWithTheJdkProviderWhenConfigured() {
    // given
    settings.put(CRYPTO_PROVIDER_CONFIG, "JDK");
    // when
    final AlipaySettings alipay = load();
    // then
    assertThat(alipay.signatures().provider().kind()).isEqualTo(CryptoProvider.Kind.JDK);
    assertThat(alipay.signatures().provider().name()).isEqualTo("SunRsaSign");
  }

  @Test
  void shouldRefuseAnUnknownCryptoProviderNamingTheKey() {
    // given
    settings.put(CRYPTO_PROVIDER_CONFIG, "openssl");
    // when / then
    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alipay.crypto.provider")
        .hasMessageContaining("openssl");
  }
}
