package io.paymentnotifier.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;

/**
 * The Schema Registry REST API (Confluent, Apicurio ccompat, Karapace, Redpanda) with caches: ids
 * and schemas never change, so they are kept (bounded); "latest" is kept for {@code
 * latest.cache.ttl.sec}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient, Closeable {

  private static final int MAX_CACHED_SCHEMAS = 10_000;

  private record SubjectSchema(String subject, String schema) {}

  private final BoundedCache<Integer, Schema> schemasById = new BoundedCache<>(MAX_CACHED_SCHEMAS);
  private final BoundedCache<SubjectSchema, Integer> idsBySubjectSchema;
  private final BoundedCache<String, RegisteredSchema> latestBySubject;
  private final RegistryHttp http;
  private final boolean normalize;

  public RestSchemaRegistryClient(final AvroSerdeConfig config) {
    this.http = new RegistryHttp(config);
    this.normalize = config.getBoolean(AvroSerdeConfig.NORMALIZE_SCHEMAS);
    final int perSubject = config.getInt(AvroSerdeConfig.MAX_SCHEMAS_PER_SUBJECT);
    this.idsBySubjectSchema = new BoundedCache<>(perSubject * 10);
    this.latestBySubject =
        new BoundedCache<>(
            perSubject,
            TimeUnit.SECONDS.toNanos(config.getLong(AvroSerdeConfig.LATEST_CACHE_TTL_SEC)),
            System::nanoTime);
  }

  @Override
  public int register(final String subject, final Schema schema) {
    return cachedId(subject, schema, "/versions");
  }

  @Override
  public int idOf(final String subject, final Schema schema) {
    return cachedId(subject, schema, "");
  }

  @Override
  public Schema schemaById(final int id) {
    final Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    final Schema schema = parse(http.send("GET", "/schemas/ids/" + id, null), "schema id " + id);
    schemasById.put(id, schema);
    return schema;
  }

  @Override
  public RegisteredSchema latest(final String subject) {
    final RegisteredSchema cached = latestBySubject.get(subject);
    if (cached != null) {
      return cached;
    }
    final JsonNode answer = http.send("GET", subjectPath(subject) + "/versions/latest", null);
    final RegisteredSchema latest =
        new RegisteredSchema(
            subject,
            answer.path("version").asInt(),
            answer.path("id").asInt(),
            parse(answer, "latest of " + subject));
    schemasById.put(latest.id(), latest.schema());
    latestBySubject.put(subject, latest);
    return latest;
  }

  private int cachedId(final String subject, final Schema schema, final String suffix) {
    final SubjectSchema key = new SubjectSchema(subject, schema.toString());
    final Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    final ObjectNode body = JsonNodeFactory.instance.objectNode().put("schema", key.schema());
    final String query = normalize ? "?normalize=true" : "";
    final JsonNode answer = http.send("POST", subjectPath(subject) + suffix + query, body);
    final int id = answer.path("id").asInt(-1);
    if (id < 0) {
      throw new SchemaRegistryException(50005, 200, "Registry answer without an id: " + answer);
    }
    idsBySubjectSchema.put(key, id);
    schemasById.put(id, schema);
    return id;
  }

  private static Schema parse(final JsonNode answer, final String what) {
    final String type = answer.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new SchemaRegistryException(
          SchemaRegistryException.INVALID_SCHEMA,
          200,
          what + " is a " + type + " schema, not Avro");
    }
    return AvroSchemaText.parse(answer.path("schema").asText());
  }

  private static String subjectPath(final String subject) {
    return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
