package io.paymentnotifier.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.avro.AvroSerdeConfig;
import io.paymentnotifier.avro.RestSchemaRegistryClient;
import io.paymentnotifier.events.Amount;
import io.paymentnotifier.events.PaymentResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dev registry over real loopback HTTP, checked with a plain HTTP client and with ours. */
class SchemaRegistryServerTest {

  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"com.acme\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
  private static final String V2_OPTIONAL =
      "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"com.acme\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
  private static final String V2_REQUIRED =
      "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"com.acme\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"long\"}]}";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final SchemaRegistryServer server = new SchemaRegistryServer(0).start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldRegisterIdempotentlyAndGiveTheSameSchemaTheSameIdInAnotherSubject() throws Exception {
    // when
    final JsonNode first = call("POST", "/subjects/payments-value/versions", schemaBody(V1));
    final JsonNode again = call("POST", "/subjects/payments-value/versions", schemaBody(V1));
    final JsonNode elsewhere = call("POST", "/subjects/other-value/versions", schemaBody(V1));
    // then
    assertThat(first.toString()).isEqualTo("{\"id\":1}");
    assertThat(again.toString()).isEqualTo("{\"id\":1}");
    assertThat(elsewhere.toString()).isEqualTo("{\"id\":1}");
    assertThat(call("GET", "/subjects/payments-value/versions", null).toString()).isEqualTo("[1]");
    assertThat(call("GET", "/subjects", null).toString())
        .isEqualTo("[\"other-value\",\"payments-value\"]");
  }

  @Test
  void shouldAnswerLookupsByIdSubjectAndLatestVersion() throws Exception {
    // given
    call("POST", "/subjects/p-value/versions", schemaBody(V1));
    call("POST", "/subjects/p-value/versions", schemaBody(V2_OPTIONAL));
    // when
    final JsonNode lookup = call("POST", "/subjects/p-value", schemaBody(V1));
    final JsonNode byId = call("GET", "/schemas/ids/2", null);
    final JsonNode latest = call("GET", "/subjects/p-value/versions/latest", null);
    // then
    assertThat(lookup.path("subject").asText()).isEqualTo("p-value");
    assertThat(lookup.path("version").asInt()).isEqualTo(1);
    assertThat(lookup.path("id").asInt()).isEqualTo(1);
    assertThat(byId.path("schema").asText()).contains("\"note\"");
    assertThat(latest.path("version").asInt()).isEqualTo(2);
    assertThat(latest.path("id").asInt()).isEqualTo(2);
  }

  @Test
  void shouldAnswerTheSpecsNotFoundErrors() throws Exception {
    // given
    call("POST", "/subjects/p-value/versions", schemaBody(V1));
    // when / then
    assertThat(call("GET", "/subjects/nope/versions/latest", null).path("error_code").asInt())
        .isEqualTo(40401);
    assertThat(call("GET", "/subjects/p-value/versions/9", null).path("error_code").asInt())
        .isEqualTo(40402);
    assertThat(call("GET", "/schemas/ids/999", null).toString())
        .isEqualTo("{\"error_code\":40403,\"message\":\"Schema 999 not found\"}");
    assertThat(lastStatus).isEqualTo(404);
    assertThat(
            call("POST", "/subjects/p-value", schemaBody(V2_OPTIONAL)).path("error_code").asInt())
        .isEqualTo(40403);
  }

  @Test
  void shouldRefuseAnIncompatibleSchemaWith409UnderTheDefaultBackwardLevel() throws Exception {
    // given
    call("POST", "/subjects/p-value/versions", schemaBody(V1));
    // when
    final JsonNode refused = call("POST", "/subjects/p-value/versions", schemaBody(V2_REQUIRED));
    // then
    assertThat(lastStatus).isEqualTo(409);
    assertThat(refused.path("error_code").asInt()).isEqualTo(409);
    assertThat(refused.path("message").asText()).contains("incompatible");
  }

  @Test
  void shouldCheckCompatibilityWithReasonsWhenVerbose() throws Exception {
    // given
    call("POST", "/subjects/p-value/versions", schemaBody(V1));
    // when
    final JsonNode bad =
        call(
            "POST",
            "/compatibility/subjects/p-value/versions/latest?verbose=true",
            schemaBody(V2_REQUIRED));
    final JsonNode good =
        call("POST", "/compatibility/subjects/p-value/versions/1", schemaBody(V2_OPTIONAL));
    final JsonNode empty =
        call("POST", "/compatibility/subjects/new-value/versions/latest", schemaBody(V2_REQUIRED));
    // then
    assertThat(bad.path("is_compatible").asBoolean()).isFalse();
    assertThat(bad.path("messages").toString()).contains("amount");
    assertThat(good.toString()).isEqualTo("{\"is_compatible\":true}");
    assertThat(empty.toString()).isEqualTo("{\"is_compatible\":true}");
  }

  @Test
  void shouldGetAndSetCompatibilityConfig() throws Exception {
    // when
    final JsonNode global = call("GET", "/config", null);
    final JsonNode set = call("PUT", "/config/p-value", "{\"compatibility\":\"NONE\"}");
    final JsonNode subject = call("GET", "/config/p-value", null);
    final JsonNode unset = call("GET", "/config/other", null);
    final JsonNode defaulted = call("GET", "/config/other?defaultToGlobal=true", null);
    final JsonNode invalid = call("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}");
    // then
    assertThat(global.toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertThat(set.toString()).isEqualTo("{\"compatibility\":\"NONE\"}");
    assertThat(subject.toString()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    assertThat(unset.path("error_code").asInt()).isEqualTo(40408);
    assertThat(defaulted.toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertThat(invalid.path("error_code").asInt()).isEqualTo(42203);
  }

  @Test
  void shouldAcceptAnIncompatibleSchemaOnceTheSubjectLevelIsNone() throws Exception {
    // given
    call("POST", "/subjects/p-value/versions", schemaBody(V1));
    call("PUT", "/config/p-value", "{\"compatibility\":\"NONE\"}");
    // when
    final JsonNode accepted = call("POST", "/subjects/p-value/versions", schemaBody(V2_REQUIRED));
    // then
    assertThat(accepted.toString()).isEqualTo("{\"id\":2}");
  }

  @Test
  void shouldAnswer422ForAnInvalidSchemaAnd404ForAnUnknownRoute() throws Exception {
    // when
    final JsonNode invalid =
        call("POST", "/subjects/p-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}");
    final int invalidStatus = lastStatus;
    final JsonNode unknown = call("GET", "/no/such/route", null);
    // then
    assertThat(invalidStatus).isEqualTo(422);
    assertThat(invalid.path("error_code").asInt()).isEqualTo(42201);
    assertThat(lastStatus).isEqualTo(404);
    assertThat(unknown.has("error_code")).isTrue();
  }

  @Test
  void shouldServeOurRestClient() throws IOException {
    // given
    try (RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(
            new AvroSerdeConfig(Map.of("schema.registry.url", server.url())))) {
      // when
      final int amountId = client.register("amount-value", Amount.SCHEMA$);
      final int resultId = client.register("result-value", PaymentResult.SCHEMA$);
      // then
      assertThat(amountId).isEqualTo(1);
      assertThat(resultId).isEqualTo(2);
      assertThat(client.idOf("result-value", PaymentResult.SCHEMA$)).isEqualTo(2);
      assertThat(client.schemaById(1)).isEqualTo(Amount.SCHEMA$);
      assertThat(client.latest("amount-value").id()).isEqualTo(1);
    }
  }

  private int lastStatus;

  private JsonNode call(final String method, final String path, final String body)
      throws IOException, InterruptedException {
    final HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    lastStatus = response.statusCode();
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.schemaregistry.v1+json");
    return json.readTree(response.body());
  }

  private String schemaBody(final String schema) throws IOException {
    return json.writeValueAsString(Map.of("schema", schema));
  }
}
