package io.paymentnotifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotifyUrlAllowlistTest {

  private static final URI HTTPS_BASE = URI.create("https://127.0.0.1:8443");

  private static NotifyUrlAllowlist allowing(final String... entries) {
    return NotifyUrlAllowlist.of(HTTPS_BASE, List.of(entries));
  }

  private static NotifierConfig config(final String allowedHosts) {
    final Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", "127.0.0.1:9092");
    settings.put("alipay.client.id", "TEST_CLIENT");
    settings.put("schema.registry.url", "mock://allowlist");
    settings.put("alipay.base.url", "https://127.0.0.1:8443");
    if (allowedHosts != null) {
      settings.put(AlipayConfigDef.NOTIFY_URL_ALLOWED_HOSTS_CONFIG, allowedHosts);
    }
    return new NotifierConfig(settings);
  }

  @Test
  void shouldAllowOnlyTheBaseUrlHostByDefault() {
    // when
    final NotifyUrlAllowlist allowlist = NotifyUrlAllowlist.from(config(null));
    // then
    assertThat(allowlist.allows("127.0.0.1")).isTrue();
    assertThat(allowlist.allows("127.0.0.2")).isFalse();
    assertThat(allowlist.allows("localhost")).isFalse();
    assertThat(allowlist.describe()).isEqualTo("127.0.0.1");
  }

  @Test
  void shouldRequireHttpsOnlyWhenTheBaseUrlIsHttps() {
    // when
    final NotifyUrlAllowlist https = NotifyUrlAllowlist.of(HTTPS_BASE, List.of());
    final NotifyUrlAllowlist http =
        NotifyUrlAllowlist.of(URI.create("http://127.0.0.1:8090"), List.of());
    // then
    assertThat(https.httpsOnly()).isTrue();
    assertThat(http.httpsOnly()).isFalse();
  }

  @Test
  void shouldMatchAnySubdomainOfAWildcardButNotTheDomainItself() {
    // given
    final NotifyUrlAllowlist allowlist = allowing("*.alipayplus.com");
    // when / then
    assertThat(allowlist.allows("open-sea-global.alipayplus.com")).isTrue();
    assertThat(allowlist.allows("a.b.alipayplus.com")).isTrue();
    assertThat(allowlist.allows("alipayplus.com")).isFalse();
    assertThat(allowlist.allows("evil-alipayplus.com")).isFalse();
    assertThat(allowlist.allows("alipayplus.com.evil.example")).isFalse();
  }

  @Test
  void shouldAllowTheApexWhenItIsListedBesideTheWildcard() {
    // given
    final NotifyUrlAllowlist allowlist = allowing("*.alipayplus.com", "alipayplus.com");
    // when / then
    assertThat(allowlist.allows("alipayplus.com")).isTrue();
  }

  @Test
  void shouldCompareHostsCaseInsensitivelyWithoutTrailingDotAndIdnAsPunycode() {
    // given
    final NotifyUrlAllowlist allowlist = allowing("Open-Sea.AlipayPlus.com.", "*.bücher.example");
    // when / then
    assertThat(allowlist.allows("OPEN-SEA.alipayplus.COM")).isTrue();
    assertThat(allowlist.allows("open-sea.alipayplus.com.")).isTrue();
    assertThat(allowlist.allows("shop.xn--bcher-kva.example")).isTrue();
    assertThat(allowlist.describe()).isEqualTo("open-sea.alipayplus.com,*.xn--bcher-kva.example");
  }

  @Test
  void shouldMatchAnIpAddressOnlyInItsCanonicalForm() {
    // given
    final NotifyUrlAllowlist allowlist = allowing("127.0.0.1", "[::1]");
    // when / then
    assertThat(allowlist.allows("127.0.0.1")).isTrue();
    assertThat(allowlist.allows("[0:0:0:0:0:0:0:1]")).isTrue();
    assertThat(allowlist.allows("[::ffff:127.0.0.1]")).isTrue();
    assertThat(allowlist.allows("2130706433")).isFalse();
    assertThat(allowlist.allows("127.000.000.001")).isFalse();
    assertThat(allowlist.allows("127.0.0.2")).isFalse();
  }

  @Test
  void shouldNeverLetAWildcardCoverAnIpAddress() {
    // given
    final NotifyUrlAllowlist allowlist = allowing("*.example.com");
    // when / then
    assertThat(allowlist.allows("127.0.0.1")).isFalse();
    assertThat(allowlist.allows("[::1]")).isFalse();
    assertThat(allowlist.allows("127.0.0.1.example.com")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "*.",
        "*.com",
        "*.0.0.1",
        "*.1",
        "a.*.example.com",
        "*example.com",
        "https://open-sea.alipayplus.com",
        "open-sea.alipayplus.com:443",
        "127.1",
        "2130706433",
        "0177.0.0.1",
        "[not-an-address]",
        "under_score.example.com",
        "a..example.com"
      })
  void shouldFailAtStartNamingTheKeyOnABadPattern(final String pattern) {
    // when / then
    assertThatThrownBy(() -> config("open-sea.alipayplus.com," + pattern))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlipayConfigDef.NOTIFY_URL_ALLOWED_HOSTS_CONFIG);
  }

  @Test
  void shouldFailAtStartNamingTheKeyOnAnEmptyEntry() {
    // when / then
    assertThatThrownBy(() -> config("open-sea.alipayplus.com,,127.0.0.1"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlipayConfigDef.NOTIFY_URL_ALLOWED_HOSTS_CONFIG)
        .hasMessageContaining("empty");
  }

  @Test
  void shouldFailNamingTheBaseUrlWhenItHasNoHost() {
    // given
    final Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", "127.0.0.1:9092");
    settings.put("alipay.client.id", "TEST_CLIENT");
    settings.put("schema.registry.url", "mock://allowlist");
    settings.put("alipay.base.url", "open-sea.alipayplus.com");
    final NotifierConfig config = new NotifierConfig(settings);
    // when / then
    assertThatThrownBy(() -> NotifyUrlAllowlist.from(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlipayConfigDef.BASE_URL_CONFIG);
  }
}
