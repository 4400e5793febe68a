package io.paymentnotifier.cli;

import io.paymentnotifier.config.ConfigLoader;
import io.paymentnotifier.config.KafkaConfigDef;
import io.paymentnotifier.config.RegistryConfigDef;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.config.TopicsConfigDef;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Option;

/**
 * Where the tools (publish, dlq) find the cluster and the registry: the service's own config file
 * and {@code NOTIFIER_*} variables, overridden by flags, so they work against any cluster the
 * service can use (security settings go under {@code kafka.} in the file, as for {@code run}).
 */
public final class ClusterOptions {

  /** Streams-only keys that plain producers and consumers would only warn about. */
  private static final Set<String> STREAMS_ONLY = Set.of("application.id", "processing.guarantee");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The service's properties file (optional); NOTIFIER_* variables override it.")
  Path config;

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT",
      description = "Kafka brokers (default: kafka.bootstrap.servers of the config).")
  String bootstrapServers;

  @Option(
      names = {"-r", "--schema-registry-url"},
      paramLabel = "URL",
      description = "Schema Registry URL (default: schema.registry.url of the config).")
  String registryUrl;

  /** The merged settings: file, environment, then flags. */
  public Map<String, String> settings() {
    final Map<String, String> settings = new TreeMap<>(ConfigLoader.load(config, System.getenv()));
    if (bootstrapServers != null) {
      settings.put(KafkaConfigDef.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }
    if (registryUrl != null) {
      settings.put(RegistryConfigDef.URL_CONFIG, registryUrl);
    }
    return settings;
  }

  /** Kafka producer and consumer settings: every {@code kafka.*} key without its prefix. */
  public Map<String, Object> clientProperties() {
    final Map<String, String> settings = settings();
    require(settings, KafkaConfigDef.BOOTSTRAP_SERVERS_CONFIG, "--bootstrap-servers");
    final Map<String, Object> props = new TreeMap<>();
    settings.forEach(
        (key, value) -> {
          if (key.startsWith(KafkaConfigDef.PREFIX)) {
            final String clientKey = key.substring(KafkaConfigDef.PREFIX.length());
            if (!STREAMS_ONLY.contains(clientKey)) {
              props.put(clientKey, value);
            }
          }
        });
    return props;
  }

  /** The serde's Schema Registry settings. */
  public Map<String, Object> registryConfig() {
    final Map<String, String> settings = settings();
    require(settings, RegistryConfigDef.URL_CONFIG, "--schema-registry-url");
    final Map<String, Object> props = new TreeMap<>();
    settings.forEach(
        (key, value) -> {
          if (RegistryConfigDef.isRegistryKey(key)) {
            props.put(key, value);
          }
        });
    return props;
  }

  /** The topic names: config {@code topic.*}, else the defaults. */
  public Topics topics() {
    final Map<String, String> s = settings();
    return new Topics(
        s.getOrDefault(TopicsConfigDef.INPUT_CONFIG, Topics.DEFAULT_INPUT),
        s.getOrDefault(TopicsConfigDef.DONE_CONFIG, Topics.DEFAULT_DONE),
        s.getOrDefault(TopicsConfigDef.RETRY_CONFIG, Topics.DEFAULT_RETRY),
        s.getOrDefault(TopicsConfigDef.DLQ_CONFIG, Topics.DEFAULT_DLQ));
  }

  private static void require(
      final Map<String, String> settings, final String key, final String flag) {
    final String value = settings.get(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException(
          key
              + " must be set: pass "
              + flag
              + ", set "
              + ConfigLoader.envForKey(key)
              + ", or give --config a file that sets it");
    }
  }
}
