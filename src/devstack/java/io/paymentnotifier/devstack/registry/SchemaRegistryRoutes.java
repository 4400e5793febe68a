package io.paymentnotifier.devstack.registry;

import static io.paymentnotifier.devstack.registry.SchemaRegistryReply.error;
import static io.paymentnotifier.devstack.registry.SchemaRegistryReply.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paymentnotifier.avro.AvroSchemaText;
import io.paymentnotifier.avro.CompatibilityLevel;
import io.paymentnotifier.avro.InMemorySchemaRegistry;
import io.paymentnotifier.avro.RegisteredSchema;
import io.paymentnotifier.avro.SchemaRegistryException;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The REST subset of the Schema Registry API over an {@link InMemorySchemaRegistry}: each method
 * takes the decoded path parts and JSON body of one route and returns its reply.
 */
final class SchemaRegistryRoutes {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final InMemorySchemaRegistry registry;

  SchemaRegistryRoutes(final InMemorySchemaRegistry registry) {
    this.registry = registry;
  }

  /** {@code POST /subjects/{s}/versions}: idempotent, the same schema keeps its id. */
  SchemaRegistryReply register(final String subject, final JsonNode body) {
    final Schema schema = schemaOf(body);
    return ok(JSON.objectNode().put("id", registry.register(subject, schema)));
  }

  /** {@code POST /subjects/{s}}: the version of the subject holding this schema. */
  SchemaRegistryReply lookup(final String subject, final JsonNode body) {
    return ok(versionJson(registry.lookup(subject, schemaOf(body))));
  }

  /** {@code GET /schemas/ids/{id}}. */
  SchemaRegistryReply schemaById(final int id) {
    return ok(JSON.objectNode().put("schema", registry.schemaById(id).toString()));
  }

  SchemaRegistryReply subjects() {
    return ok(JSON.arrayNode().addAll(registry.subjects().stream().map(JSON::textNode).toList()));
  }

  SchemaRegistryReply versions(final String subject) {
    return ok(
        JSON.arrayNode()
            .addAll(registry.versions(subject).stream().map(JSON::numberNode).toList()));
  }

  /** {@code GET /subjects/{s}/versions/{v|latest}}. */
  SchemaRegistryReply version(final String subject, final String version) {
    final RegisteredSchema found =
        "latest".equals(version)
            ? registry.latest(subject)
            : registry.version(subject, versionNumber(version));
    return ok(versionJson(found));
  }

  /** {@code POST /compatibility/subjects/{s}/versions/{v|latest}}; an empty subject is true. */
  SchemaRegistryReply compatibility(
      final String subject, final String version, final JsonNode body, final boolean verbose) {
    final Schema candidate = schemaOf(body);
    final boolean known = registry.subjects().contains(subject);
    final List<String> problems;
    if (!known) {
      problems = List.of();
    } else if ("latest".equals(version)) {
      problems = registry.incompatibilities(subject, candidate);
    } else {
      final Schema against = registry.version(subject, versionNumber(version)).schema();
      problems = registry.compatibility(subject).violations(candidate, List.of(against));
    }
    final ObjectNode answer = JSON.objectNode().put("is_compatible", problems.isEmpty());
    if (verbose) {
      answer.putArray("messages").addAll(problems.stream().map(JSON::textNode).toList());
    }
    return ok(answer);
  }

  /** {@code GET /config[/{s}]}; a subject without its own level is 40408 unless defaulted. */
  SchemaRegistryReply getConfig(final String subject, final boolean defaultToGlobal) {
    final CompatibilityLevel level =
        subject == null
            ? registry.globalCompatibility()
            : registry
                .subjectCompatibility(subject)
                .orElse(defaultToGlobal ? registry.globalCompatibility() : null);
    if (level == null) {
      return error(
          404,
          40408,
          "Subject '" + subject + "' does not have subject-level compatibility configured");
    }
    return ok(JSON.objectNode().put("compatibilityLevel", level.name()));
  }

  /** {@code PUT /config[/{s}]} with {@code {"compatibility":"FULL"}}. */
  SchemaRegistryReply putConfig(final String subject, final JsonNode body) {
    final CompatibilityLevel level =
        CompatibilityLevel.parse(body.path("compatibility").asText(null));
    if (level == null) {
      return error(
          422,
          42203,
          "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }
    if (subject == null) {
      registry.setGlobalCompatibility(level);
    } else {
      registry.setCompatibility(subject, level);
    }
    return ok(JSON.objectNode().put("compatibility", level.name()));
  }

  private static ObjectNode versionJson(final RegisteredSchema found) {
    return JSON.objectNode()
        .put("subject", found.subject())
        .put("version", found.version())
        .put("id", found.id())
        .put("schema", found.schema().toString());
  }

  private static Schema schemaOf(final JsonNode body) {
    final String type = body.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw invalid("Only AVRO schemas are supported by this registry, got " + type);
    }
    if (!body.path("schema").isTextual()) {
      throw invalid("Request must carry the schema as a JSON string in \"schema\"");
    }
    return AvroSchemaText.parse(body.get("schema").asText());
  }

  private static int versionNumber(final String version) {
    try {
      return Integer.parseInt(version);
    } catch (final NumberFormatException e) {
      throw new SchemaRegistryException(
          42202,
          422,
          "The specified version '"
              + version
              + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }
  }

  private static SchemaRegistryException invalid(final String message) {
    return new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, 422, message);
  }
}
