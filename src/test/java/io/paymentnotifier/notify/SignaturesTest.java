package io.paymentnotifier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {

  @Test
  void shouldBuildTheDocumentedContentToSign() {
    // given: the pay API example of the Alipay+ signature page (spec §3)
    final String body = "{\"order\":\"1\"}";
    // when
    final String content =
        SignedContent.of(
            "/aps/api/v1/payments/pay", "TEST_5X00000000000000", "2019-05-28T12:12:12+08:00", body);
    // then
    assertThat(content)
        .isEqualTo(
            "POST /aps/api/v1/payments/pay\n"
                + "TEST_5X00000000000000.2019-05-28T12:12:12+08:00."
                + body);
  }

  @Test
  void shouldSignSoThatPlainJdkVerificationOfTheDecodedValueSucceeds() throws Exception {
    // given
    final String content =
        SignedContent.of(NotifyPaymentApi.PATH, "C", "2026-01-01T00:00:00Z", "{}");
    // when
    final String signature = RsaSigner.jdk().sign(TestKeys.mppPrivate(), content);
    // then: URL-decode, Base64-decode, SHA256withRSA-verify, exactly as Alipay+ does
    final byte[] raw =
        Base64.getDecoder().decode(URLDecoder.decode(signature, StandardCharsets.UTF_8));
    final Signature jdk = Signature.getInstance("SHA256withRSA");
    jdk.initVerify(TestKeys.mppPublic());
    jdk.update(content.getBytes(StandardCharsets.UTF_8));
    assertThat(jdk.verify(raw)).isTrue();
    assertThat(signature).doesNotContain("+", "/", "=");
  }

  @Test
  void shouldProduceTheSameSignatureForTheSameContent() {
    // given: RSASSA-PKCS1-v1_5 is deterministic, so a signature is a known answer for its content
    final String content = SignedContent.of(NotifyPaymentApi.PATH, "C", "T", "{\"a\":\"1\"}");
    // when
    final String first = RsaSigner.jdk().sign(TestKeys.mppPrivate(), content);
    final String second = RsaSigner.jdk().sign(TestKeys.mppPrivate(), content);
    // then
    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldRejectSignatureOverOtherContentOrFromOtherKey() {
    // given
    final String content = SignedContent.of(NotifyPaymentApi.PATH, "C", "T1", "{}");
    final String signature = RsaSigner.jdk().sign(TestKeys.mppPrivate(), content);
    // when / then
    assertThat(RsaSigner.jdk().verify(TestKeys.mppPublic(), content, signature)).isTrue();
    assertThat(
            RsaSigner.jdk()
                .verify(
                    TestKeys.mppPublic(),
                    SignedContent.of(NotifyPaymentApi.PATH, "C", "T2", "{}"),
                    signature))
        .isFalse();
    assertThat(RsaSigner.jdk().verify(TestKeys.alipayPublic(), content, signature)).isFalse();
    assertThat(RsaSigner.jdk().verify(TestKeys.mppPublic(), content, "not-base64!")).isFalse();
  }

  @Test
  void shouldFormatAndParseTheSignatureHeader() {
    // given
    final SignatureHeader header = SignatureHeader.rsa256(2, "abc%2Bdef%3D%3D");
    // when
    final String value = header.format();
    // then
    assertThat(value).isEqualTo("algorithm=RSA256, keyVersion=2, signature=abc%2Bdef%3D%3D");
    assertThat(SignatureHeader.parse(value)).contains(header);
    assertThat(SignatureHeader.parse("algorithm=RSA256,keyVersion=1,signature=x"))
        .contains(new SignatureHeader("RSA256", "1", "x"));
    assertThat(SignatureHeader.parse("algorithm=RSA256, keyVersion=1")).isEmpty();
    assertThat(SignatureHeader.parse(null)).isEmpty();
  }
}
