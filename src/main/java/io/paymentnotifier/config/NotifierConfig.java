package io.paymentnotifier.config;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * All settings of the service, validated at construction: a bad or missing value throws a
 * ConfigException that names the key.
 *
 * <p>Each concern defines its keys in its own {@code *ConfigDef} class of this package; this class
 * joins them. Keys under {@code kafka.} go to Kafka Streams and its clients with the prefix
 * removed; the Schema Registry keys Confluent users already write go to the serdes as they are.
 */
public final class NotifierConfig extends AbstractConfig {

  public static final ConfigDef CONFIG_DEF = definition();

  public NotifierConfig(final Map<?, ?> settings) {
    super(CONFIG_DEF, settings, false);
    KafkaConfigDef.checkCombinations(this);
    OpsConfigDef.applicationServer(this);
  }

  private static ConfigDef definition() {
    final ConfigDef def = new ConfigDef();
    KafkaConfigDef.define(def);
    TopicsConfigDef.define(def);
    RegistryConfigDef.define(def);
    AlipayConfigDef.define(def);
    OverloadConfigDef.define(def);
    FlowConfigDef.define(def);
    OpsConfigDef.define(def);
    return def;
  }

  /** The configured topic names. */
  public Topics topics() {
    return TopicsConfigDef.topics(this);
  }

  /**
   * Kafka Streams and client properties: every {@code kafka.*} key without its prefix. Passwords
   * stay in here; never log the result.
   */
  public Properties kafkaProperties() {
    final Properties props = new Properties();
    props.putAll(originalsWithPrefix(KafkaConfigDef.PREFIX));
    values()
        .forEach(
            (key, value) -> {
              if (key.startsWith(KafkaConfigDef.PREFIX) && value != null) {
                props.put(key.substring(KafkaConfigDef.PREFIX.length()), value.toString());
              }
            });
    OpsConfigDef.applicationServer(this)
        .ifPresent(
            endpoint -> props.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, endpoint));
    return props;
  }

  /** The Schema Registry settings, keyed as the serde reads them. */
  public Map<String, Object> registryProperties() {
    final Map<String, Object> props = new TreeMap<>();
    originals()
        .forEach(
            (key, value) -> {
              if (RegistryConfigDef.isRegistryKey(key) && value != null) {
                props.put(key, value);
              }
            });
    return props;
  }

  /** Fails with the key's name when a required-together setting is absent. */
  public String requireString(final String key) {
    final String value = getString(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException(key, value, "must be set");
    }
    return value;
  }
}
