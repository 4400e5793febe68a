package io.paymentnotifier.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each current top-level schema must read data written by its previous committed version, kept in
 * {@code src/test/resources/schemas/previous/} (copy a schema there when its change is released).
 */
class SchemaCompatibilityTest {

  private static final String PREVIOUS = "/schemas/previous/";
  private static final Map<String, Schema> CURRENT =
      Map.of(
          "PaymentFinalized", PaymentFinalized.getClassSchema(),
          "NotificationDone", NotificationDone.getClassSchema(),
          "NotificationRetry", NotificationRetry.getClassSchema(),
          "DeadLetter", DeadLetter.getClassSchema());

  static Stream<String> topLevelSchemas() {
    return CURRENT.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("topLevelSchemas")
  void shouldReadDataWrittenByThePreviousVersion(final String name) throws IOException {
    // given
    final Schema previous = previousVersions().get(name);
    // when
    final SchemaCompatibilityResult result =
        SchemaCompatibility.checkReaderWriterCompatibility(CURRENT.get(name), previous).getResult();
    // then
    assertThat(result.getIncompatibilities())
        .as("%s can no longer read its previous version", name)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/state-schemas/PendingNotification-1.avsc",
        "/state-schemas/PendingNotification-2.avsc"
      })
  void shouldReadInFlightStateWrittenByEveryEarlierVersion(final String resource)
      throws IOException {
    // given: the whole stored schema of each earlier version, as the service reads it at runtime
    final Schema earlier;
    try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(resource)) {
      earlier = new Schema.Parser().parse(in);
    }
    // when
    final SchemaCompatibilityResult result =
        SchemaCompatibility.checkReaderWriterCompatibility(
                PendingNotification.getClassSchema(), earlier)
            .getResult();
    // then
    assertThat(result.getIncompatibilities()).isEmpty();
  }

  @Test
  void shouldKeepAPreviousVersionOfEveryTopLevelSchema() throws IOException {
    // given
    final List<String> topLevel;
    try (Stream<Path> files = Files.list(Path.of("schemas"))) {
      topLevel =
          files
              .map(path -> path.getFileName().toString())
              .filter(file -> file.endsWith(".avsc"))
              .map(file -> file.substring(0, file.length() - ".avsc".length()))
              .sorted()
              .toList();
    }
    // when
    final Map<String, Schema> previous = previousVersions();
    // then
    assertThat(CURRENT.keySet()).containsExactlyInAnyOrderElementsOf(topLevel);
    assertThat(previous.keySet()).containsAll(topLevel);
  }

  /** Parses the previous versions as avro-maven-plugin does: shared types first. */
  static Map<String, Schema> previousVersions() throws IOException {
    final Schema.Parser parser = new Schema.Parser();
    for (final String common : List.of("Amount", "PaymentResult", "NotifyAttempt")) {
      parse(parser, "common/" + common);
    }
    final List<String> order =
        List.of("PaymentFinalized", "NotificationDone", "NotificationRetry", "DeadLetter");
    return order.stream().collect(Collectors.toMap(name -> name, name -> parse(parser, name)));
  }

  private static Schema parse(final Schema.Parser parser, final String name) {
    try (InputStream in =
        SchemaCompatibilityTest.class.getResourceAsStream(PREVIOUS + name + ".avsc")) {
      assertThat(in).as("missing %s%s.avsc", PREVIOUS, name).isNotNull();
      return parser.parse(in);
    } catch (final IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
