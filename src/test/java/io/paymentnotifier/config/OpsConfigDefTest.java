package io.paymentnotifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** ops.advertised.host becomes Kafka Streams' application.server, or fails naming the key. */
class OpsConfigDefTest {

  @Test
  void shouldAdvertiseTheHostAtTheOpsPortAsTheApplicationServer() {
    // given
    final NotifierConfig config = config(Map.of("ops.advertised.host", "payment-notifier-0.pn"));
    // when
    final Object server = config.kafkaProperties().get("application.server");
    // then
    assertThat(server).isEqualTo("payment-notifier-0.pn:8080");
  }

  @Test
  void shouldPutAnIpv6AddressInBrackets() {
    // when / then
    assertThat(config(Map.of("ops.advertised.host", "::1", "ops.port", "9000")).kafkaProperties())
        .containsEntry("application.server", "[::1]:9000");
    assertThat(config(Map.of("ops.advertised.host", "[::1]")).kafkaProperties())
        .containsEntry("application.server", "[::1]:8080");
  }

  @Test
  void shouldAdvertiseLocalhostWhenUnsetSoOneInstanceKnowsItOwnsEveryKey() {
    // when / then
    assertThat(config(Map.of()).kafkaProperties())
        .containsEntry("application.server", "localhost:8080");
    assertThat(config(Map.of("ops.port", "0")).kafkaProperties())
        .doesNotContainKey("application.server");
  }

  @Test
  void shouldLeaveARawApplicationServerAsItIs() {
    // given
    final NotifierConfig config = config(Map.of("kafka.application.server", "pn-0.pn:8080"));
    // when / then
    assertThat(config.kafkaProperties()).containsEntry("application.server", "pn-0.pn:8080");
    assertThat(OpsConfigDef.applicationServer(config)).hasValue("pn-0.pn:8080");
  }

  @Test
  void shouldRefuseAHostWithSchemePortOrPath() {
    // given
    final List<String> wrong =
        List.of("http://notifier", "notifier:8080", "127.0.0.1:8080", "notifier/x", "a b", "");
    // when / then
    for (final String host : wrong) {
      assertThatThrownBy(() -> config(Map.of("ops.advertised.host", host)))
          .as(host)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("ops.advertised.host")
          .hasMessageContaining("without scheme, port or path");
    }
  }

  @Test
  void shouldRefuseAnAdvertisedHostWithAFreeOpsPort() {
    // when / then
    assertThatThrownBy(() -> config(Map.of("ops.advertised.host", "127.0.0.1", "ops.port", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ops.advertised.host")
        .hasMessageContaining("needs a fixed ops.port");
  }

  @Test
  void shouldRefuseAnAdvertisedHostNextToARawApplicationServer() {
    // when / then
    assertThatThrownBy(
            () ->
                config(
                    Map.of(
                        "ops.advertised.host",
                        "127.0.0.1",
                        "kafka.application.server",
                        "127.0.0.1:8080")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("set either it or kafka.application.server, not both");
  }

  private static NotifierConfig config(final Map<String, String> extra) {
    final Map<String, String> settings = new HashMap<>(extra);
    settings.put("kafka.bootstrap.servers", "127.0.0.1:9092");
    settings.put("schema.registry.url", "mock://ops-config");
    settings.put("alipay.client.id", "TEST_CLIENT");
    return new NotifierConfig(settings);
  }
}
