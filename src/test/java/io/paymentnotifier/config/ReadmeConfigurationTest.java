package io.paymentnotifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.junit.jupiter.api.Test;

class ReadmeConfigurationTest {

  private static final String BEGIN = "<!-- config-table:begin -->";
  private static final String END = "<!-- config-table:end -->";

  /**
   * Every key operators can set is in the README with its env variable and default. On a change of
   * any *ConfigDef, paste target/config-table.md between the README markers.
   */
  @Test
  void shouldDocumentEveryConfigKeyInTheReadme() throws IOException {
    // given
    final String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    final String expected = table();
    // when
    final int begin = readme.indexOf(BEGIN);
    final int end = readme.indexOf(END);
    final String documented =
        begin < 0 || end < begin ? "" : readme.substring(begin + BEGIN.length(), end);
    // then
    if (!documented.strip().equals(expected.strip())) {
      Files.writeString(Path.of("target", "config-table.md"), expected, StandardCharsets.UTF_8);
    }
    assertThat(documented.strip()).isEqualTo(expected.strip());
  }

  private static String table() {
    final List<String> rows =
        NotifierConfig.CONFIG_DEF.configKeys().values().stream()
            .map(ReadmeConfigurationTest::row)
            .collect(Collectors.toList());
    return "| Key | Environment variable | Default | Meaning |\n"
        + "|-----|----------------------|---------|---------|\n"
        + String.join("\n", rows)
        + "\n";
  }

  private static String row(final ConfigKey key) {
    return "| `"
        + key.name
        + "` | `"
        + ConfigLoader.envForKey(key.name)
        + "` | "
        + defaultText(key)
        + " | "
        + key.documentation.replace("|", "\\|").replace("\n", " ")
        + " |";
  }

  private static String defaultText(final ConfigKey key) {
    if (key.defaultValue == ConfigDef.NO_DEFAULT_VALUE) {
      return "**required**";
    }
    if (key.defaultValue == null) {
      return "–";
    }
    final Object value =
        key.defaultValue instanceof List<?> list
            ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
            : key.defaultValue;
    return "`" + value + "`";
  }
}
