package io.paymentnotifier.avro;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde and registry client settings, under the keys Confluent users already write; a {@code
 * schema.registry.} prefix on any other key is stripped, as Confluent does.
 */
public final class AvroSerdeConfig extends AbstractConfig {

  public static final String URL = "schema.registry.url";
  public static final String AUTO_REGISTER = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
  public static final String USE_SCHEMA_ID = "use.schema.id";
  public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
  public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";
  public static final String KEY_SUBJECT_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_STRATEGY = "value.subject.name.strategy";
  public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BEARER_AUTH_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
  public static final String REQUEST_HEADER_PREFIX = "request.header.";

  private static final String PREFIX = "schema.registry.";
  private static final ConfigDef DEF = definition();

  public AvroSerdeConfig(final Map<String, ?> settings) {
    super(DEF, normalized(settings), false);
    checkSingleAuthSource();
  }

  /** The configured registry URLs, in failover order. */
  public List<String> urls() {
    return getList(URL);
  }

  /** The subject naming for keys or values. */
  public SubjectNameStrategy subjectNameStrategy(final boolean isKey) {
    final String key = isKey ? KEY_SUBJECT_STRATEGY : VALUE_SUBJECT_STRATEGY;
    return SubjectNameStrategy.parse(key, getString(key));
  }

  /** Extra headers for every registry request ({@code request.header.<Name>=<value>}). */
  public Map<String, String> requestHeaders() {
    final Map<String, String> headers = new HashMap<>();
    originalsWithPrefix(REQUEST_HEADER_PREFIX).forEach((k, v) -> headers.put(k, String.valueOf(v)));
    return headers;
  }

  /** Whether a key was given explicitly (rather than taking its default). */
  public boolean isSet(final String key) {
    return originals().containsKey(key);
  }

  private void checkSingleAuthSource() {
    final boolean basic = isSet(BASIC_AUTH_SOURCE) || isSet(BASIC_AUTH_USER_INFO);
    final boolean bearer = isSet(BEARER_AUTH_SOURCE) || isSet(BEARER_AUTH_TOKEN);
    if (basic && bearer) {
      throw new ConfigException(
          BEARER_AUTH_SOURCE,
          getString(BEARER_AUTH_SOURCE),
          "set either basic.auth.* or bearer.auth.* credentials, not both");
    }
    if ("USER_INFO".equals(getString(BASIC_AUTH_SOURCE))
        && getPassword(BASIC_AUTH_USER_INFO) == null) {
      throw new ConfigException(BASIC_AUTH_USER_INFO, null, "required when source is USER_INFO");
    }
    if (bearer && getPassword(BEARER_AUTH_TOKEN) == null) {
      throw new ConfigException(BEARER_AUTH_TOKEN, null, "required for STATIC_TOKEN bearer auth");
    }
  }

  /** URLs may carry credentials, so the message names the key but never repeats the value. */
  private static void checkUrls(final String key, final Object value) {
    final List<?> urls = (List<?>) value;
    if (urls == null || urls.isEmpty()) {
      throw new ConfigException("Missing value for configuration " + key + ": give a URL");
    }
    for (final Object url : urls) {
      final String text = String.valueOf(url).trim();
      if (!text.startsWith("http://")
          && !text.startsWith("https://")
          && !text.startsWith(MockSchemaRegistry.MOCK_URL_PREFIX)) {
        throw new ConfigException(
            "Invalid value for configuration "
                + key
                + ": every URL must start with http://, https:// or mock://");
      }
    }
  }

  private static Map<String, Object> normalized(final Map<String, ?> settings) {
    final Map<String, Object> result = new HashMap<>();
    settings.forEach(
        (key, value) -> {
          if (key.startsWith(PREFIX) && !key.equals(URL)) {
            result.putIfAbsent(key.substring(PREFIX.length()), value);
          }
        });
    settings.forEach((key, value) -> result.put(key, value));
    return result;
  }

  // One entry per key: a table, not logic.
  @SuppressWarnings("checkstyle:methodlength")
  private static ConfigDef definition() {
    return new ConfigDef()
        .define(
            URL,
            Type.LIST,
            ConfigDef.NO_DEFAULT_VALUE,
            AvroSerdeConfig::checkUrls,
            Importance.HIGH,
            "Registry URLs.")
        .define(AUTO_REGISTER, Type.BOOLEAN, true, Importance.MEDIUM, "Register new schemas.")
        .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW, "Write as latest.")
        .define(LATEST_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW, "Check latest.")
        .define(USE_SCHEMA_ID, Type.INT, -1, Importance.LOW, "Fixed schema id; -1 for none.")
        .define(NORMALIZE_SCHEMAS, Type.BOOLEAN, false, Importance.LOW, "Send normalize=true.")
        .define(MAX_SCHEMAS_PER_SUBJECT, Type.INT, 1000, Range.atLeast(1), Importance.LOW, "Cache.")
        .define(
            KEY_SUBJECT_STRATEGY,
            Type.STRING,
            "TopicNameStrategy",
            SubjectNameStrategy.validator(),
            Importance.LOW,
            "Key subject naming.")
        .define(
            VALUE_SUBJECT_STRATEGY,
            Type.STRING,
            "TopicNameStrategy",
            SubjectNameStrategy.validator(),
            Importance.LOW,
            "Value subject naming.")
        .define(
            BASIC_AUTH_SOURCE,
            Type.STRING,
            "URL",
            ValidString.in("URL", "USER_INFO"),
            Importance.MEDIUM,
            "Where basic-auth credentials come from.")
        .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM, "user:password")
        .define(
            BEARER_AUTH_SOURCE,
            Type.STRING,
            "STATIC_TOKEN",
            ValidString.in("STATIC_TOKEN"),
            Importance.MEDIUM,
            "Where the bearer token comes from.")
        .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM, "Static bearer token.")
        .define(MAX_RETRIES, Type.INT, 3, Range.atLeast(0), Importance.LOW, "Retries per URL.")
        .define(RETRIES_WAIT_MS, Type.LONG, 1000L, Range.atLeast(0), Importance.LOW, "First wait.")
        .define(RETRIES_MAX_WAIT_MS, Type.LONG, 20000L, Range.atLeast(0), Importance.LOW, "Cap.")
        .define(CONNECT_TIMEOUT_MS, Type.INT, 5000, Range.atLeast(1), Importance.LOW, "Connect.")
        .define(READ_TIMEOUT_MS, Type.INT, 15000, Range.atLeast(1), Importance.LOW, "Response.")
        .define(LATEST_CACHE_TTL_SEC, Type.LONG, 60L, Range.atLeast(0), Importance.LOW, "Latest.");
  }
}
