package io.paymentnotifier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentnotifier.avro.SpecificAvroSerde;
import io.paymentnotifier.dlq.ReplayHeaders;
import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.RecordCoordinates;
import io.paymentnotifier.publish.PaymentSamples;
import io.paymentnotifier.testing.CommandRun;
import io.paymentnotifier.testing.OutputTopics;
import io.paymentnotifier.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DlqCommandIT {

  private static final Instant AT = Instant.parse("2026-01-31T12:00:00Z");

  private final String registry = "mock://" + TestKafka.uniqueName("dlq");
  private final String dlq = TestKafka.uniqueName("dlq");
  private final String input = TestKafka.uniqueName("dlq-input");
  private final PaymentSamples samples = new PaymentSamples("dlq-it-", 0, 7L);

  @BeforeEach
  void fillTheDeadLetterTopic() throws Exception {
    TestKafka.createTopics(2, dlq, input);
    final Serializer<DeadLetter> letters =
        SpecificAvroSerde.forValues(DeadLetter.class, Map.of("schema.registry.url", registry))
            .serializer();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (final DeadLetter letter :
          List.of(
              letter(0, DeadLetterReason.REJECTED, attempt(1, "F", "PROCESS_FAIL", 200)),
              letter(1, DeadLetterReason.REJECTED, attempt(1, "F", "PARAM_ILLEGAL", 200)),
              adoptedFromTheRetryTopic(
                  letter(
                      2,
                      DeadLetterReason.RETRIES_EXHAUSTED,
                      attempt(1, null, null, 503),
                      attempt(2, null, null, 503))))) {
        producer.send(record(letter.getPaymentRequestId(), letters.serialize(dlq, letter))).get();
      }
      producer.send(record("garbage", new byte[] {9, 9, 9})).get();
    }
  }

  @Test
  void shouldListRecordsMatchingTheFiltersAsATable() {
    // when
    final CommandRun all = dlq("list");
    final CommandRun rejected = dlq("list", "--reason", "REJECTED", "--code", "PROCESS_FAIL");
    // then
    assertThat(all.out())
        .contains("KEY", "REASON", "LAST CODE", "ATTEMPTS", "LAST FAILURE", "4 record(s)");
    assertThat(all.out()).contains("UNREADABLE").contains("HTTP_503");
    assertThat(rejected.out()).contains("dlq-it-00000000", "PROCESS_FAIL", "1 record(s)");
    assertThat(rejected.out()).doesNotContain("PARAM_ILLEGAL");
  }

  @Test
  void shouldShowTheWholeAttemptHistoryOfAPayment() {
    // when
    final CommandRun show = dlq("show", "dlq-it-00000002");
    // then
    assertThat(show.exitCode()).isZero();
    assertThat(show.out())
        .contains("reason:  RETRIES_EXHAUSTED")
        .contains("input:   " + input + "/0/2  (the PaymentFinalized record)")
        .contains("origin:  payment-notify-retry/1/17  (the last record that led here)")
        .contains("attempt 1 at 2026-01-31T12:00:00Z: RETRY_LATER HTTP 503")
        .contains("attempt 2 at 2026-01-31T12:00:00Z: RETRY_LATER HTTP 503")
        .contains("replayed: no");
  }

  @Test
  void shouldCountByReasonAndCode() {
    // when
    final CommandRun stats = dlq("stats");
    // then
    assertThat(stats.out())
        .contains("4 DLQ record(s)")
        .containsPattern("REJECTED\\s+2")
        .containsPattern("RETRIES_EXHAUSTED HTTP_503\\s+1")
        .containsPattern("UNREADABLE\\s+1");
  }

  @Test
  void shouldReplayEachDeadLetterOnlyOnceWithAHeaderNamingIt() {
    // given
    final CommandRun dryRun = dlq("replay", "--reason", "REJECTED", "--dry-run");
    // when
    final CommandRun first = dlq("replay", "--reason", "REJECTED", "--input-topic", input);
    final CommandRun second = dlq("replay", "--input-topic", input, "--rate", "0");
    // then
    assertThat(dryRun.out()).contains("Would replay 2 record(s)");
    assertThat(first.out()).contains("Replayed 2 record(s) to " + input + "; skipped 0 already");
    assertThat(second.out())
        .contains("Replayed 1 record(s)")
        .contains("skipped 2 already replayed, 1 without an event");
    final List<ConsumerRecord<byte[], byte[]>> replayed =
        OutputTopics.readAll(TestKafka.bootstrapServers(), input);
    assertThat(replayed)
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("dlq-it-00000000", "dlq-it-00000001", "dlq-it-00000002");
    assertThat(replayed)
        .allSatisfy(r -> assertThat(header(r, ReplayHeaders.REPLAY_OF)).startsWith(dlq + "/"));
    assertThat(dlq("show", "dlq-it-00000000").out()).contains("replayed: 20");
  }

  @Test
  void shouldSelectAndReplayByThePaymentRequestIdTheListShowsWhateverTheRecordKey()
      throws Exception {
    // given: a dead letter an earlier release keyed by the producer's Confluent Avro key bytes
    final DeadLetter letter = letter(9, DeadLetterReason.INVALID_EVENT);
    final byte[] avroKey = {0, 0, 0, 0, 1, 0x1e, 'd', 'l', 'q', '-', 'i', 't', '-', '0', '0'};
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      final Serializer<DeadLetter> letters =
          SpecificAvroSerde.forValues(DeadLetter.class, Map.of("schema.registry.url", registry))
              .serializer();
      producer.send(new ProducerRecord<>(dlq, avroKey, letters.serialize(dlq, letter))).get();
    }
    // when
    final CommandRun listed = dlq("list", "--reason", "INVALID_EVENT");
    final CommandRun byKey = dlq("list", "--key", "dlq-it-00000009");
    final CommandRun replay =
        dlq("replay", "--key", "dlq-it-00000009", "--input-topic", input, "--rate", "0");
    // then
    assertThat(listed.out()).contains("dlq-it-00000009 ", "1 record(s)").doesNotContain("\u0000");
    assertThat(byKey.out()).contains("dlq-it-00000009 ", "INVALID_EVENT", "1 record(s)");
    assertThat(replay.out()).contains("Replayed 1 record(s) to " + input);
    // the transaction's markers reach the partitions a moment after the commit returns
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(OutputTopics.readAll(TestKafka.bootstrapServers(), input))
                    .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactly("dlq-it-00000009"));
  }

  private CommandRun dlq(final String... args) {
    final String[] common = {"-b", TestKafka.bootstrapServers(), "-r", registry, "--topic", dlq};
    final String[] all = new String[args.length + 1 + common.length];
    all[0] = "dlq";
    System.arraycopy(args, 0, all, 1, 1);
    System.arraycopy(common, 0, all, 2, common.length);
    System.arraycopy(args, 1, all, 2 + common.length, args.length - 1);
    return CommandRun.of(all);
  }

  private DeadLetter letter(
      final int n, final DeadLetterReason reason, final NotifyAttempt... history) {
    final PaymentFinalized event = samples.next(n);
    return DeadLetter.newBuilder()
        .setReason(reason)
        .setDetail("test dead letter " + n)
        .setPaymentRequestId(event.getPaymentRequestId())
        .setEvent(event)
        .setOriginTopic(input)
        .setOriginPartition(0)
        .setOriginOffset(n)
        .setInput(
            RecordCoordinates.newBuilder().setTopic(input).setPartition(0).setOffset(n).build())
        .setHistory(List.of(history))
        .setFirstFailureAt(AT)
        .setLastFailureAt(AT)
        .setDeadLetteredAt(AT)
        .build();
  }

  /** As when an instance adopted the retry record another one wrote, then gave up. */
  private static DeadLetter adoptedFromTheRetryTopic(final DeadLetter letter) {
    return DeadLetter.newBuilder(letter)
        .setOriginTopic("payment-notify-retry")
        .setOriginPartition(1)
        .setOriginOffset(17)
        .build();
  }

  private static NotifyAttempt attempt(
      final int n, final String status, final String code, final Integer http) {
    return NotifyAttempt.newBuilder()
        .setAttempt(n)
        .setStartedAt(AT)
        .setLatencyMs(40)
        .setOutcome(code == null ? "RETRY_LATER" : "REJECTED")
        .setHttpStatus(http)
        .setResultStatus(status)
        .setResultCode(code)
        .build();
  }

  private ProducerRecord<byte[], byte[]> record(final String key, final byte[] value) {
    return new ProducerRecord<>(dlq, key.getBytes(StandardCharsets.UTF_8), value);
  }

  private static String header(final ConsumerRecord<byte[], byte[]> r, final String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
