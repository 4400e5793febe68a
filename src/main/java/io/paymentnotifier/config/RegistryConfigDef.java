package io.paymentnotifier.config;

import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Schema Registry settings under the names Confluent users already write; the serde reads them as
 * they are (io.paymentnotifier.avro.AvroSerdeConfig lists every key it understands).
 */
public final class RegistryConfigDef {

  public static final String URL_CONFIG = "schema.registry.url";
  private static final String URL_DOC =
      "Schema Registry URL(s), comma separated for failover; mock://<scope> for an in-memory"
          + " registry (tests only). Works with Confluent, Apicurio (ccompat), Karapace, Redpanda.";

  /** Keys passed to the serde unchanged, beyond those starting with {@code schema.registry.}. */
  private static final Set<String> SERDE_KEYS =
      Set.of(
          "auto.register.schemas",
          "use.latest.version",
          "latest.compatibility.strict",
          "use.schema.id",
          "normalize.schemas",
          "max.schemas.per.subject",
          "key.subject.name.strategy",
          "value.subject.name.strategy",
          "max.retries",
          "retries.wait.ms",
          "retries.max.wait.ms",
          "http.connect.timeout.ms",
          "http.read.timeout.ms",
          "latest.cache.ttl.sec");

  private static final Set<String> SERDE_PREFIXES =
      Set.of("schema.registry.", "basic.auth.", "bearer.auth.", "request.header.");

  private RegistryConfigDef() {}

  static void define(final ConfigDef def) {
    def.define(
        URL_CONFIG,
        Type.STRING,
        ConfigDef.NO_DEFAULT_VALUE,
        new ConfigDef.NonEmptyString(),
        Importance.HIGH,
        URL_DOC);
  }

  /** Whether a setting belongs to the Schema Registry serde. */
  public static boolean isRegistryKey(final String key) {
    return SERDE_KEYS.contains(key) || SERDE_PREFIXES.stream().anyMatch(key::startsWith);
  }
}
