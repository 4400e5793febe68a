package io.paymentnotifier.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.devstack.stack.EmbeddedKafka;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.testing.CommandRun;
import io.paymentnotifier.testing.OutputTopics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandIT {

  @Test
  void shouldReportASummaryThatMatchesWhatTheTopicsHold(@TempDir final Path dir) throws Exception {
    // given
    final Path data = dir.resolve("demo-data");
    final Path json = dir.resolve("summary.json");
    // when
    final CommandRun run =
        CommandRun.devStack(
            "demo",
            "--events",
            "300",
            "--bad-events",
            "6",
            "--latency",
            "5ms",
            "--reject-rate",
            "0.05",
            "--unknown-rate",
            "0.1",
            "--keep-data",
            data.toString(),
            "--summary-json",
            json.toString(),
            "--verbose");
    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains(
            "exactly one terminal record per event: YES",
            "RSA signatures: notifier AmazonCorrettoCryptoProvider",
            "simulator AmazonCorrettoCryptoProvider");
    final JsonNode summary = new ObjectMapper().readTree(json.toFile());
    try (EmbeddedKafka kafka =
        EmbeddedKafka.start(new EmbeddedKafka.Settings(0, 0, data.resolve("kafka"), true))) {
      final List<ConsumerRecord<byte[], byte[]>> done =
          OutputTopics.readAll(kafka.bootstrapServers(), Topics.DEFAULT_DONE);
      final List<ConsumerRecord<byte[], byte[]>> dlq =
          OutputTopics.readAll(kafka.bootstrapServers(), Topics.DEFAULT_DLQ);
      assertThat(summary.get("events").asLong()).isEqualTo(300);
      assertThat(summary.get("done").asLong()).isEqualTo(done.size());
      assertThat(summary.get("deadLettered").asLong()).isEqualTo(dlq.size());
      assertThat(summary.get("exactlyOneTerminalEach").asBoolean()).isTrue();
      assertThat(Stream.concat(done.stream(), dlq.stream()).map(DemoCommandIT::key).distinct())
          .hasSize(300);
      assertThat(countByReason(dlq)).isEqualTo(reasonsOf(summary));
      assertThat(reasonsOf(summary)).containsKeys("INVALID_EVENT", "UNDESERIALIZABLE", "REJECTED");
    }
  }

  @Test
  void shouldLeaveNoTemporaryDirectoryBehind() throws IOException {
    // given
    final List<Path> before = stackDirectories();
    // when
    final CommandRun run =
        CommandRun.devStack(
            "demo", "--events", "20", "--bad-events", "0", "--no-faults", "--verbose");
    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("done (Alipay+ acknowledged)")
        .containsPattern("acknowledged\\)\\s+20");
    assertThat(stackDirectories()).isEqualTo(before);
  }

  @Test
  void shouldSignAndVerifyWithTheJdkProviderOnBothSidesWhenAsked() {
    // when
    final CommandRun run =
        CommandRun.devStack(
            "demo",
            "--events",
            "40",
            "--bad-events",
            "0",
            "--no-faults",
            "--crypto-provider",
            "jdk");
    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("RSA signatures: notifier SunRsaSign", "simulator SunRsaSign")
        .containsPattern("acknowledged\\)\\s+40")
        .contains("exactly one terminal record per event: YES");
  }

  @Test
  void shouldRefuseAnUnknownCryptoProviderBeforeStartingAnything() {
    // when
    final CommandRun run = CommandRun.devStack("demo", "--crypto-provider", "rsa");
    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--crypto-provider: 'rsa' is not one of auto, native, jdk");
    assertThat(run.out()).doesNotContain("Starting Kafka");
  }

  private static List<Path> stackDirectories() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("payment-notifier-"))
          .sorted()
          .toList();
    }
  }

  private static String key(final ConsumerRecord<byte[], byte[]> r) {
    return new String(r.key(), StandardCharsets.UTF_8);
  }

  /** DLQ values are Confluent wire format: skip magic byte and schema id, read with our schema. */
  private static Map<String, Long> countByReason(final List<ConsumerRecord<byte[], byte[]>> dlq)
      throws IOException {
    final SpecificDatumReader<DeadLetter> reader = new SpecificDatumReader<>(DeadLetter.class);
    final Map<String, Long> counts = new TreeMap<>();
    for (final ConsumerRecord<byte[], byte[]> r : dlq) {
      final ByteBuffer value = ByteBuffer.wrap(r.value());
      assertThat(value.get()).isZero();
      value.getInt();
      final DeadLetter letter =
          reader.read(
              null,
              DecoderFactory.get()
                  .binaryDecoder(r.value(), value.position(), value.remaining(), null));
      counts.merge(letter.getReason().name(), 1L, Long::sum);
    }
    return counts;
  }

  private static Map<String, Long> reasonsOf(final JsonNode summary) {
    final Map<String, Long> byReason = new TreeMap<>();
    summary
        .get("deadLettersByReasonAndCode")
        .properties()
        .forEach(e -> byReason.merge(e.getKey().split(" ")[0], e.getValue().asLong(), Long::sum));
    return byReason;
  }
}
