package io.paymentnotifier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {

  @TempDir Path dir;

  @Test
  void shouldReadPemPrivateAndPublicKeys() {
    // given
    final String privatePem = Keys.toPem(TestKeys.mppPrivate());
    final String publicPem = Keys.toPem(TestKeys.mppPublic());
    // when / then
    assertThat(Keys.privateKey("k", privatePem)).isEqualTo(TestKeys.mppPrivate());
    assertThat(Keys.publicKey("k", publicPem)).isEqualTo(TestKeys.mppPublic());
    assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n");
  }

  @Test
  void shouldReadBareBase64KeysAndEnvStyleEscapedNewlines() {
    // given
    final String base64 = Base64.getEncoder().encodeToString(TestKeys.alipayPublic().getEncoded());
    final String escapedPem = Keys.toPem(TestKeys.mppPrivate()).replace("\n", "\\n");
    // when / then
    assertThat(Keys.publicKey("k", base64)).isEqualTo(TestKeys.alipayPublic());
    assertThat(Keys.privateKey("k", escapedPem)).isEqualTo(TestKeys.mppPrivate());
  }

  @Test
  void shouldNameTheConfigKeyAndPathWhenKeyFileIsMissing() {
    // given
    final Path missing = dir.resolve("nope.pem");
    // when / then
    assertThatThrownBy(() -> KeyMaterial.fromFile("alipay.private.key.file", missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage("alipay.private.key.file: file " + missing + " not found");
  }

  @Test
  void shouldNeverEchoKeyTextWhenKeyIsUnreadable() throws Exception {
    // given: a public key where a private one belongs, and a garbled value
    final String publicPem = Keys.toPem(TestKeys.mppPublic());
    final Path file = dir.resolve("wrong.pem");
    Files.writeString(file, publicPem);
    final String garbled = "secret-looking-material-!!";
    // when / then
    assertThatThrownBy(() -> KeyMaterial.fromFile("alipay.private.key.file", file).privateKey())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("alipay.private.key.file (file " + file + ")")
        .hasMessageContaining("not an RSA private key")
        .hasMessageNotContaining(publicPem.substring(30, 60));
    assertThatThrownBy(() -> Keys.privateKey("alipay.private.key", garbled))
        .hasMessage("alipay.private.key: the private key is neither PEM nor Base64")
        .hasMessageNotContaining(garbled);
  }

  @Test
  void shouldExplainHowToConvertPkcs1Keys() {
    assertThatThrownBy(
            () -> Keys.privateKey("alipay.private.key", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PKCS#1")
        .hasMessageContaining("openssl pkcs8 -topk8");
  }

  @Test
  void shouldAcceptAPairingKeyPairAndRejectAMismatchedOne() {
    // when / then
    final RsaSigner signatures = RsaSigner.select("test", ProviderChoice.AUTO);
    Keys.requireUsable(
        "alipay.private.key.file", TestKeys.mppPrivate(), TestKeys.mppPublic(), signatures);
    Keys.requireUsable("alipay.private.key.file", TestKeys.mppPrivate(), null, signatures);
    assertThatThrownBy(
            () ->
                Keys.requireUsable(
                    "alipay.private.key.file",
                    TestKeys.mppPrivate(),
                    TestKeys.alipayPublic(),
                    signatures))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alipay.private.key.file")
        .hasMessageContaining("mismatched");
  }

  @Test
  void shouldNotPrintKeyTextInToString() {
    // given
    final String pem = Keys.toPem(TestKeys.mppPrivate());
    // when
    final String shown = new KeyMaterial("alipay.private.key", pem).toString();
    // then
    assertThat(shown).isEqualTo("KeyMaterial[alipay.private.key]");
  }
}
