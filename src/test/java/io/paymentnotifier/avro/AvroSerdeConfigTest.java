package io.paymentnotifier.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

  private static final String URL = "http://registry:8081";

  @Test
  void shouldRefuseBasicAndBearerCredentialsTogether() {
    // given
    final Map<String, String> settings =
        Map.of(
            "schema.registry.url", URL,
            "basic.auth.credentials.source", "USER_INFO",
            "basic.auth.user.info", "user:secret",
            "bearer.auth.token", "tok");
    // when / then
    assertThatThrownBy(() -> new AvroSerdeConfig(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bearer.auth.credentials.source")
        .hasMessageNotContaining("secret");
  }

  @Test
  void shouldNameTheKeyOfAnUnknownSubjectNameStrategy() {
    // when / then
    assertThatThrownBy(
            () ->
                new AvroSerdeConfig(
                    Map.of("schema.registry.url", URL, "value.subject.name.strategy", "Nope")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("value.subject.name.strategy");
  }

  @Test
  void shouldAcceptConfluentClassNamesAndShortNamesForStrategies() {
    // when
    final AvroSerdeConfig config =
        new AvroSerdeConfig(
            Map.of(
                "schema.registry.url", URL,
                "key.subject.name.strategy",
                    "io.confluent.kafka.serializers.subject.RecordNameStrategy",
                "value.subject.name.strategy", "TopicRecordNameStrategy"));
    // then
    assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.RECORD);
    assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
  }

  @Test
  void shouldDefaultToTopicNameStrategy() {
    // when
    final AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", URL));
    // then
    assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC);
    assertThat(config.getBoolean(AvroSerdeConfig.AUTO_REGISTER)).isTrue();
  }

  @Test
  void shouldStripTheSchemaRegistryPrefixFromClientKeys() {
    // when
    final AvroSerdeConfig config =
        new AvroSerdeConfig(
            Map.of(
                "schema.registry.url", URL,
                "schema.registry.basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", "u:p"));
    // then
    assertThat(config.getString(AvroSerdeConfig.BASIC_AUTH_SOURCE)).isEqualTo("USER_INFO");
    assertThat(config.getPassword(AvroSerdeConfig.BASIC_AUTH_USER_INFO).value()).isEqualTo("u:p");
  }

  @Test
  void shouldRequireUserInfoWhenTheSourceIsUserInfo() {
    // when / then
    assertThatThrownBy(
            () ->
                new AvroSerdeConfig(
                    Map.of(
                        "schema.registry.url", URL, "basic.auth.credentials.source", "USER_INFO")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.user.info");
  }

  @Test
  void shouldRefuseMixingMockAndRealUrls() {
    // given
    final AvroSerdeConfig config =
        new AvroSerdeConfig(Map.of("schema.registry.url", "mock://a," + URL));
    // when / then
    assertThatThrownBy(() -> SchemaRegistryClients.create(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldNameTheUrlKeyWhenItIsMissing() {
    // when / then
    assertThatThrownBy(() -> new AvroSerdeConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldNameTheUrlKeyButNotRepeatCredentialsWhenAUrlIsInvalid() {
    // when / then
    assertThatThrownBy(
            () ->
                new AvroSerdeConfig(
                    Map.of("schema.registry.url", "http://a:8081,ftp://user:hunter2@b:21")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void shouldRefuseAnEmptyUrlList() {
    // when / then
    assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", " ")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }
}
