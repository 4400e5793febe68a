package io.paymentnotifier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.testing.Payments;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The native provider signs byte for byte as the JDK's does (RSASSA-PKCS1-v1_5 is deterministic)
 * and accepts and refuses exactly the same signatures. Needs the native provider, which the build
 * carries for Linux x86_64 and aarch64.
 */
class ProviderParityTest {

  private static final RsaSigner NATIVE =
      RsaSigner.select("alipay.crypto.provider", ProviderChoice.NATIVE);
  private static final RsaSigner JDK = RsaSigner.jdk();
  private static final List<KeyPair> KEYS = keys();

  @Test
  void shouldSignByteForByteAsTheJdkOverManyKeysAndBodies() {
    // given: two implementations, not one twice
    assertThat(NATIVE.provider().name()).isEqualTo("AmazonCorrettoCryptoProvider");
    assertThat(JDK.provider().name()).isEqualTo("SunRsaSign");
    final List<String> contents = contents();
    int compared = 0;
    for (final KeyPair pair : KEYS) {
      for (final String content : contents) {
        // when
        final String nativeSignature = NATIVE.sign(pair.getPrivate(), content);
        final String jdkSignature = JDK.sign(pair.getPrivate(), content);
        // then
        assertThat(nativeSignature)
            .as("content of %d chars", content.length())
            .isEqualTo(jdkSignature);
        assertThat(JDK.verify(pair.getPublic(), content, nativeSignature)).isTrue();
        assertThat(NATIVE.verify(pair.getPublic(), content, jdkSignature)).isTrue();
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(12 * 30);
  }

  @Test
  void shouldAcceptAndRefuseTheSameSignaturesAsTheJdkWithoutThrowing() {
    // given
    final String content = SignedContent.of(NotifyPaymentApi.PATH, "C", "T", "{\"a\":\"ü\"}");
    for (final KeyPair pair : KEYS) {
      final Map<String, Boolean> expected = verificationCases(pair, content);
      for (final Map.Entry<String, Boolean> check : expected.entrySet()) {
        final String signature = check.getKey();
        // when
        final boolean byNative = NATIVE.verify(pair.getPublic(), content, signature);
        final boolean byJdk = JDK.verify(pair.getPublic(), content, signature);
        // then
        assertThat(byNative).as("native, signature '%s'", signature).isEqualTo(check.getValue());
        assertThat(byJdk).as("jdk, signature '%s'", signature).isEqualTo(check.getValue());
      }
      final String valid = JDK.sign(pair.getPrivate(), content);
      final PublicKey stranger = TestKeys.stranger().getPublic();
      assertThat(NATIVE.verify(stranger, content, valid)).isFalse();
      assertThat(JDK.verify(stranger, content, valid)).isFalse();
      assertThat(NATIVE.verify(pair.getPublic(), content + " ", valid)).isFalse();
      assertThat(JDK.verify(pair.getPublic(), content + " ", valid)).isFalse();
      assertThat(NATIVE.verify(pair.getPublic(), content, null)).isFalse();
      assertThat(JDK.verify(pair.getPublic(), content, null)).isFalse();
    }
  }

  /** Signatures of the content, each with whether it must verify under the pair's public key. */
  private static Map<String, Boolean> verificationCases(final KeyPair pair, final String content) {
    final String valid = JDK.sign(pair.getPrivate(), content);
    final byte[] raw = raw(valid);
    final int length = raw.length;
    final Map<String, Boolean> cases = new LinkedHashMap<>();
    cases.put(valid, true);
    cases.put(encode(flipped(raw, 0)), false);
    cases.put(encode(flipped(raw, length / 2)), false);
    cases.put(encode(flipped(raw, length - 1)), false);
    cases.put(encode(Arrays.copyOf(raw, length - 1)), false); // truncated
    cases.put(encode(Arrays.copyOf(raw, length + 1)), false); // overlong
    cases.put(encode(Arrays.copyOfRange(raw, 1, length)), false);
    cases.put(encode(concat(raw, raw)), false);
    cases.put(encode(new byte[length]), false); // zero
    cases.put(encode(filled(length, (byte) 0xFF)), false); // above the modulus
    cases.put(encode(new byte[] {1}), false);
    cases.put(encode(new byte[0]), false);
    cases.put(JDK.sign(TestKeys.stranger().getPrivate(), content), false); // wrong key
    cases.put(JDK.sign(pair.getPrivate(), content + "x"), false); // other content
    cases.put("", false);
    cases.put("not-base64!", false);
    cases.put("%zz", false); // not URL encoding
    cases.put("====", false);
    cases.put(valid.substring(0, valid.length() / 2), false);
    cases.put(valid + "AAAA", false);
    cases.put(" " + valid, false);
    return cases;
  }

  private static List<String> contents() {
    final List<String> bodies = new ArrayList<>();
    bodies.add("");
    bodies.add("{}");
    bodies.add("plain ASCII body 0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
    bodies.add("Zahlung über 12,50 € — 支付成功 — 決済 — платёж — 🙂👍🏽 — e\u0301");
    bodies.add("line one\nline two\r\nline three\ttab\u0000nul");
    bodies.add("x".repeat(100_000));
    bodies.add("é".repeat(20_000));
    bodies.add(NotifyRequestBody.toJson(Payments.aPayment().build()));
    final Random random = new Random(13);
    while (bodies.size() < 30) {
      bodies.add(randomText(random, random.nextInt(2_000)));
    }
    final List<String> contents = new ArrayList<>();
    for (final String body : bodies) {
      contents.add(
          SignedContent.of(NotifyPaymentApi.PATH, "CLIENT_1", "2026-01-01T00:00:00Z", body));
    }
    contents.add("");
    contents.add("é");
    return contents;
  }

  private static String randomText(final Random random, final int length) {
    final StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      final int codePoint =
          random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2FF80) : 0x20 + random.nextInt(0x5F);
      if (Character.isDefined(codePoint) && !Character.isSurrogate((char) codePoint)) {
        text.appendCodePoint(codePoint);
      }
    }
    return text.toString();
  }

  /**
   * 12 RSA-2048 pairs plus a 3072- and a 4096-bit one: the test JVM's JDK-made pairs, and pairs
   * made natively (fast) and re-read with the JDK's key factory, as {@link Keys} reads the
   * service's.
   */
  private static List<KeyPair> keys() {
    final List<KeyPair> pairs = new ArrayList<>();
    pairs.add(new KeyPair(TestKeys.mppPublic(), TestKeys.mppPrivate()));
    pairs.add(new KeyPair(TestKeys.alipayPublic(), TestKeys.alipayPrivate()));
    try {
      final KeyPairGenerator generator =
          KeyPairGenerator.getInstance("RSA", NATIVE.provider().provider());
      final KeyFactory jdk = KeyFactory.getInstance("RSA", JDK.provider().provider());
      for (final int bits :
          new int[] {2048, 2048, 2048, 2048, 2048, 2048, 2048, 2048, 2048, 2048, 3072, 4096}) {
        generator.initialize(bits);
        final KeyPair made = generator.generateKeyPair();
        pairs.add(
            new KeyPair(
                jdk.generatePublic(new X509EncodedKeySpec(made.getPublic().getEncoded())),
                jdk.generatePrivate(new PKCS8EncodedKeySpec(made.getPrivate().getEncoded()))));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return pairs;
  }

  private static byte[] raw(final String urlEncoded) {
    return Base64.getDecoder().decode(URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8));
  }

  private static String encode(final byte[] raw) {
    return URLEncoder.encode(Base64.getEncoder().encodeToString(raw), StandardCharsets.UTF_8);
  }

  private static byte[] flipped(final byte[] raw, final int index) {
    final byte[] copy = raw.clone();
    copy[index] ^= 0x01;
    return copy;
  }

  private static byte[] filled(final int length, final byte value) {
    final byte[] bytes = new byte[length];
    Arrays.fill(bytes, value);
    return bytes;
  }

  private static byte[] concat(final byte[] first, final byte[] second) {
    final byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
