package io.paymentnotifier.deploy;

import io.paymentnotifier.config.ConfigLoader;
import io.paymentnotifier.config.KafkaConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.OpsConfigDef;
import io.paymentnotifier.config.RegistryConfigDef;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the deployment files of the repository and answers what the application expects. */
final class DeployFiles {

  /** Surefire runs tests in the project folder. */
  static final Path ROOT = Path.of("").toAbsolutePath();

  private DeployFiles() {}

  static Path file(final String relative) {
    return ROOT.resolve(relative);
  }

  static String text(final Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every YAML document of the file, as plain maps and lists. */
  static List<Map<String, Object>> yamlDocuments(final Path path) {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return yamlDocuments(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every YAML document of the text, as plain maps and lists. */
  static List<Map<String, Object>> yamlDocuments(final String text) {
    return yamlDocuments(new StringReader(text));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> yamlDocuments(final Reader reader) {
    final List<Map<String, Object>> documents = new ArrayList<>();
    for (final Object document :
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
      if (document != null) {
        documents.add((Map<String, Object>) document);
      }
    }
    return documents;
  }

  static Map<String, Object> yaml(final Path path) {
    final List<Map<String, Object>> documents = yamlDocuments(path);
    if (documents.size() != 1) {
      throw new IllegalStateException(path + " holds " + documents.size() + " documents, not 1");
    }
    return documents.get(0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(final Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(final Object value) {
    return (List<Object>) value;
  }

  /** Whether the service reads this NOTIFIER_* variable (kafka.* keys pass through to Streams). */
  static boolean isKnownSetting(final String envName) {
    if (!envName.startsWith(ConfigLoader.ENV_PREFIX)) {
      return false;
    }
    final String key = ConfigLoader.keyForEnv(envName);
    return NotifierConfig.CONFIG_DEF.names().contains(key)
        || key.startsWith(KafkaConfigDef.PREFIX)
        || RegistryConfigDef.isRegistryKey(key);
  }

  /** The ops port the application listens on without configuration. */
  static int defaultOpsPort() {
    return (Integer) NotifierConfig.CONFIG_DEF.defaultValues().get(OpsConfigDef.PORT_CONFIG);
  }
}
