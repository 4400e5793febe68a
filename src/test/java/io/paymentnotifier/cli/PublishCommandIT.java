package io.paymentnotifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.avro.StringKeyDeserializer;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.testing.CommandRun;
import io.paymentnotifier.testing.OutputTopics;
import io.paymentnotifier.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandIT {

  private static final String SAMPLE =
      "{\"paymentResult\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"},"
          + "\"paymentRequestId\":\"%s\",\"paymentId\":\"pay-1\","
          + "\"paymentTime\":\"2020-01-01T12:01:01+08:30\","
          + "\"paymentAmount\":{\"value\":\"100\",\"currency\":\"JPY\"}}";

  private final String registry = "mock://" + TestKafka.uniqueName("publish");
  private final Deserializer<PaymentFinalized> events =
      SpecificAvroSerde.forValues(PaymentFinalized.class, Map.of("schema.registry.url", registry))
          .deserializer();

  @Test
  void shouldPublishGeneratedSamplesKeyedByPaymentRequestIdInTheWireFormat() {
    // given
    final String topic = TestKafka.uniqueName("publish-samples");
    TestKafka.createTopics(2, topic);
    // when
    final CommandRun run =
        CommandRun.of(
            "publish",
            "-b",
            TestKafka.bootstrapServers(),
            "-r",
            registry,
            "--topic",
            topic,
            "--count",
            "40",
            "--failed-share",
            "0.5",
            "--id-prefix",
            "it-");
    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Published 40 of 40 events to " + topic);
    final List<ConsumerRecord<byte[], byte[]>> records =
        OutputTopics.readAll(TestKafka.bootstrapServers(), topic);
    assertThat(records).hasSize(40);
    assertThat(records).allSatisfy(r -> assertThat(r.value()[0]).isZero());
    assertThat(records)
        .allSatisfy(
            r ->
                assertThat(events.deserialize(topic, r.value()).getPaymentRequestId())
                    .isEqualTo(new String(r.key(), StandardCharsets.UTF_8))
                    .startsWith("it-"));
    assertThat(records)
        .extracting(r -> events.deserialize(topic, r.value()).getPaymentResult().getResultStatus())
        .contains("S", "F");
  }

  @Test
  void shouldWriteKeysAsConfluentAvroStringsWhenAsked() {
    // given
    final String topic = TestKafka.uniqueName("publish-avro-keys");
    TestKafka.createTopics(1, topic);
    final StringKeyDeserializer keys = new StringKeyDeserializer();
    keys.configure(Map.of("schema.registry.url", registry), true);
    // when
    final CommandRun run =
        CommandRun.of(
            "publish",
            "-b",
            TestKafka.bootstrapServers(),
            "-r",
            registry,
            "--topic",
            topic,
            "--count",
            "5",
            "--key-format",
            "AVRO",
            "--id-prefix",
            "avro-");
    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    final List<ConsumerRecord<byte[], byte[]>> records =
        OutputTopics.readAll(TestKafka.bootstrapServers(), topic);
    assertThat(records)
        .hasSize(5)
        .allSatisfy(r -> assertThat(r.key()[0]).isZero())
        .allSatisfy(
            r ->
                assertThat(keys.deserialize(topic, r.key()))
                    .isEqualTo(events.deserialize(topic, r.value()).getPaymentRequestId())
                    .startsWith("avro-"));
  }

  @Test
  void shouldPublishValidLinesAndReportAnInvalidLineByNumberWithoutSendingIt(
      @TempDir final Path dir) throws Exception {
    // given
    final String topic = TestKafka.uniqueName("publish-file");
    TestKafka.createTopics(1, topic);
    final Path file =
        Files.write(
            dir.resolve("events.ndjson"),
            List.of(
                String.format(SAMPLE, "file-1"),
                String.format(SAMPLE, "file-2").replace("\"JPY\"", "null"),
                String.format(SAMPLE, "file-3")),
            StandardCharsets.UTF_8);
    // when
    final CommandRun run =
        CommandRun.of(
            "publish",
            "-b",
            TestKafka.bootstrapServers(),
            "-r",
            registry,
            "--topic",
            topic,
            "--file",
            file.toString());
    // then
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line 2: paymentAmount.currency is required (not sent)");
    assertThat(run.out()).contains("Published 2 of 2 events").contains("1 invalid");
    assertThat(OutputTopics.readAll(TestKafka.bootstrapServers(), topic))
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactly("file-1", "file-3");
  }

  @Test
  void shouldFailNamingTheKeyWhenNoClusterIsGiven() {
    // when
    final CommandRun run = CommandRun.of("publish", "-r", registry, "--count", "1");
    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("publish: kafka.bootstrap.servers must be set")
        .doesNotContain("Exception");
  }
}
