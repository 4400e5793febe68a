package io.paymentnotifier.avro;

import static io.paymentnotifier.avro.ScriptedRegistryServer.html;
import static io.paymentnotifier.avro.ScriptedRegistryServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.events.Amount;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client against a loopback server answering with the spec's exact bodies. */
class RestSchemaRegistryClientTest {

  private static final Schema SCHEMA = Amount.SCHEMA$;
  private static final String SCHEMA_JSON = "{\"schema\":" + quoted(SCHEMA.toString()) + "}";

  private final ScriptedRegistryServer registry = new ScriptedRegistryServer();
  private RestSchemaRegistryClient client;

  RestSchemaRegistryClientTest() throws IOException {}

  @AfterEach
  void close() throws IOException {
    if (client != null) {
      client.close();
    }
    registry.close();
  }

  @Test
  void shouldRegisterTheCompactSchemaAndReturnTheAssignedId() throws IOException {
    // given
    registry.answer(json(200, "{\"id\":7}"));
    client = clientFor(registry.url());
    // when
    final int id = client.register("payments-value", SCHEMA);
    // then
    assertThat(id).isEqualTo(7);
    final ScriptedRegistryServer.Received request = registry.received().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/subjects/payments-value/versions");
    assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(new ObjectMapper().readTree(request.body()).get("schema").asText())
        .isEqualTo(SCHEMA.toString());
  }

  @Test
  void shouldAskTheRegistryOnlyOnceForTheSameSubjectAndSchema() {
    // given
    registry.answer(json(200, "{\"id\":7}"));
    client = clientFor(registry.url());
    // when
    client.register("payments-value", SCHEMA);
    final int again = client.register("payments-value", SCHEMA);
    // then
    assertThat(again).isEqualTo(7);
    assertThat(registry.received()).hasSize(1);
  }

  @Test
  void shouldLookUpARegisteredSchemaByPostingToTheSubject() {
    // given
    registry.answer(
        json(
            200,
            "{\"subject\":\"s\",\"version\":2,\"id\":3,\"schema\":"
                + quoted(SCHEMA.toString())
                + "}"));
    client = clientFor(registry.url());
    // when
    final int id = client.idOf("my subject", SCHEMA);
    // then
    assertThat(id).isEqualTo(3);
    assertThat(registry.received().get(0).rawPath()).isEqualTo("/subjects/my%20subject");
  }

  @Test
  void shouldFetchASchemaByIdOnceAndServeItFromCacheAfterwards() {
    // given
    registry.answer(json(200, SCHEMA_JSON));
    client = clientFor(registry.url());
    // when
    final Schema first = client.schemaById(7);
    final Schema second = client.schemaById(7);
    // then
    assertThat(first).isEqualTo(SCHEMA).isEqualTo(second);
    assertThat(registry.received())
        .singleElement()
        .extracting("rawPath")
        .isEqualTo("/schemas/ids/7");
  }

  @Test
  void shouldReadTheLatestVersionOfASubject() {
    // given
    registry.answer(
        json(
            200,
            "{\"subject\":\"s\",\"id\":9,\"version\":4,\"schema\":"
                + quoted(SCHEMA.toString())
                + "}"));
    client = clientFor(registry.url());
    // when
    final RegisteredSchema latest = client.latest("s");
    // then
    assertThat(latest).isEqualTo(new RegisteredSchema("s", 4, 9, SCHEMA));
    assertThat(registry.received().get(0).rawPath()).isEqualTo("/subjects/s/versions/latest");
  }

  @Test
  void shouldCarryTheErrorCodeWhenTheSubjectIsUnknown() {
    // given
    registry.answer(json(404, "{\"error_code\":40401,\"message\":\"Subject 'nope' not found.\"}"));
    client = clientFor(registry.url());
    // when / then
    assertThatThrownBy(() -> client.latest("nope"))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(40401);
              assertThat(e.isNotFound()).isTrue();
            })
        .hasMessageContaining("Subject 'nope' not found.");
    assertThat(registry.received()).hasSize(1);
  }

  @Test
  void shouldCarryTheErrorCodeWhenTheSchemaIdIsUnknown() {
    // given
    registry.answer(json(404, "{\"error_code\":40403,\"message\":\"Schema 999 not found\"}"));
    client = clientFor(registry.url());
    // when / then
    assertThatThrownBy(() -> client.schemaById(999))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
  }

  @Test
  void shouldReportAnIncompatibleSchemaWithoutRetrying() {
    // given
    registry.answer(
        json(
            409,
            "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an"
                + " earlier schema for subject \\\"payments-value\\\"\"}"));
    client = clientFor(registry.url());
    // when / then
    assertThatThrownBy(() -> client.register("payments-value", SCHEMA))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue())
        .hasMessageContaining("incompatible");
    assertThat(registry.received()).hasSize(1);
  }

  @Test
  void shouldReportAnInvalidSchemaWithItsErrorCode() {
    // given
    registry.answer(json(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}"));
    client = clientFor(registry.url());
    // when / then
    assertThatThrownBy(() -> client.register("s", SCHEMA))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(42201);
              assertThat(e.httpStatus()).isEqualTo(422);
            });
  }

  @Test
  void shouldTreatAServerErrorWithAnHtmlBodyAsUnavailableCarryingTheStatus() {
    // given
    registry.always(html(502, "<html><body>Bad Gateway</body></html>"));
    client = clientFor(registry.url());
    // when / then
    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOf(RegistryUnavailableException.class)
        .cause()
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(502))
        .hasMessageContaining("Bad Gateway");
    assertThat(registry.received()).hasSize(2);
  }

  @Test
  void shouldRetryATransientStatusAndThenSucceed() {
    // given
    registry.answer(json(503, "{\"error_code\":50003,\"message\":\"forwarding failed\"}"));
    registry.answer(json(200, SCHEMA_JSON));
    client = clientFor(registry.url());
    // when
    final Schema schema = client.schemaById(5);
    // then
    assertThat(schema).isEqualTo(SCHEMA);
    assertThat(registry.received()).hasSize(2);
  }

  @Test
  void shouldFailOverToTheSecondUrlAndStayThere() throws IOException {
    // given
    registry.always(html(500, "down"));
    try (ScriptedRegistryServer second = new ScriptedRegistryServer()) {
      second.always(json(200, SCHEMA_JSON));
      client = clientFor(registry.url() + "," + second.url());
      // when
      client.schemaById(1);
      client.schemaById(2);
      // then
      assertThat(registry.received()).hasSize(2);
      assertThat(second.received())
          .extracting("rawPath")
          .containsExactly("/schemas/ids/1", "/schemas/ids/2");
    }
  }

  @Test
  void shouldBeUnavailableWhenNothingListens() {
    // given
    final int port = registry.port();
    registry.close();
    client = clientFor("http://127.0.0.1:" + port);
    // when / then
    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("unavailable");
  }

  @Test
  void shouldSendBasicAuthFromTheUrlUserInfoWithoutPuttingItInThePath() {
    // given
    registry.answer(json(200, SCHEMA_JSON));
    client = clientFor(registry.url().replace("http://", "http://alice:s%40cret@"));
    // when
    client.schemaById(1);
    // then
    final ScriptedRegistryServer.Received request = registry.received().get(0);
    assertThat(request.header("Authorization")).isEqualTo("Basic YWxpY2U6c0BjcmV0");
    assertThat(request.rawPath()).isEqualTo("/schemas/ids/1");
  }

  @Test
  void shouldSendBasicAuthFromUserInfoSetting() {
    // given
    registry.answer(json(200, SCHEMA_JSON));
    client =
        clientFor(
            registry.url(),
            Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "bob:pw"));
    // when
    client.schemaById(1);
    // then
    assertThat(registry.received().get(0).header("Authorization")).isEqualTo("Basic Ym9iOnB3");
  }

  @Test
  void shouldSendAStaticBearerTokenAndExtraHeaders() {
    // given
    registry.answer(json(200, SCHEMA_JSON));
    client =
        clientFor(
            registry.url(),
            Map.of("bearer.auth.token", "t0k3n", "request.header.target-sr-cluster", "lsrc-1"));
    // when
    client.schemaById(1);
    // then
    final ScriptedRegistryServer.Received request = registry.received().get(0);
    assertThat(request.header("Authorization")).isEqualTo("Bearer t0k3n");
    assertThat(request.header("target-sr-cluster")).isEqualTo("lsrc-1");
  }

  private static RestSchemaRegistryClient clientFor(final String urls) {
    return clientFor(urls, Map.of());
  }

  private static RestSchemaRegistryClient clientFor(
      final String urls, final Map<String, String> extra) {
    final Map<String, String> settings = new HashMap<>(extra);
    settings.put("schema.registry.url", urls);
    settings.put("max.retries", "1");
    settings.put("retries.wait.ms", "1");
    return new RestSchemaRegistryClient(new AvroSerdeConfig(settings));
  }

  private static String quoted(final String text) {
    try {
      return new ObjectMapper().writeValueAsString(text);
    } catch (final IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldAskForNormalizationWhenConfigured() {
    // given
    registry.answer(json(200, "{\"id\":1}"));
    client = clientFor(registry.url(), Map.of("normalize.schemas", "true"));
    // when
    client.register("s", SCHEMA);
    // then
    assertThat(registry.received().get(0).rawPath()).isEqualTo("/subjects/s/versions");
    assertThat(registry.received().get(0).query()).isEqualTo("normalize=true");
  }
}
