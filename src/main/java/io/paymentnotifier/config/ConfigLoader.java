package io.paymentnotifier.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads settings from a properties file, then {@code NOTIFIER_*} environment variables, which win.
 *
 * <p>{@code NOTIFIER_TOPIC_INPUT} sets {@code topic.input}: the prefix goes, the rest is
 * lower-cased and each underscore becomes a dot.
 */
public final class ConfigLoader {

  public static final String ENV_PREFIX = "NOTIFIER_";

  private ConfigLoader() {}

  /** The merged settings: the file's (when given) overridden by the environment's. */
  public static Map<String, String> load(final Path file, final Map<String, String> env) {
    final Map<String, String> settings = new TreeMap<>();
    if (file != null) {
      settings.putAll(readFile(file));
    }
    settings.putAll(fromEnvironment(env));
    return settings;
  }

  /** Loads and validates: the config, or a ConfigException naming the offending key. */
  public static NotifierConfig loadConfig(final Path file, final Map<String, String> env) {
    return new NotifierConfig(load(file, env));
  }

  /** The settings named by {@code NOTIFIER_*} variables. */
  public static Map<String, String> fromEnvironment(final Map<String, String> env) {
    final Map<String, String> settings = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
            settings.put(keyForEnv(name), value);
          }
        });
    return settings;
  }

  /** {@code NOTIFIER_TOPIC_INPUT} → {@code topic.input}. */
  public static String keyForEnv(final String envName) {
    return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** {@code topic.input} → {@code NOTIFIER_TOPIC_INPUT}. */
  public static String envForKey(final String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Map<String, String> readFile(final Path file) {
    final Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    final Map<String, String> settings = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> settings.put(k.trim(), props.getProperty(k).trim()));
    return settings;
  }
}
