package io.paymentnotifier.service;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paymentnotifier.avro.AvroStringSerializer;
import io.paymentnotifier.ops.Operations;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.CommandRun;
import io.paymentnotifier.testing.OutputTopics;
import io.paymentnotifier.testing.TestKafka;
import io.paymentnotifier.topology.PaymentStatusStores.Part;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment status lookup on the real broker: two instances of one application (4 partitions)
 * against the real simulator, each asked about every payment, so that half the questions are
 * forwarded to the other instance over its advertised ops endpoint.
 */
class PaymentLookupIT {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentLookupIT.class);
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final int EACH = 6;

  private final NotifierStack stack =
      new NotifierStack(SimulatorFaults.none())
          .with("retry.backoff", "1h")
          .with("retry.jitter", "0")
          .with("retry.max.age", "2h");
  private final List<Instance> instances = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  /** One notifier with its ops endpoint, advertised on loopback. */
  private record Instance(NotifierService service, Operations ops, int port) {
    String url() {
      return "http://127.0.0.1:" + port;
    }

    KafkaStreams streams() {
      return service.kafkaStreams();
    }
  }

  @AfterEach
  void stop() {
    instances.forEach(
        i -> {
          i.service().close(Duration.ofSeconds(10));
          i.ops().close();
        });
    stack.close();
  }

  @Test
  void shouldAnswerForDoneWaitingAndDeadLetteredPaymentsAskedOfEitherInstance() throws Exception {
    // given: two instances sharing the tasks
    start();
    start();
    await().atMost(PATIENCE).until(this::bothHoldTasks);
    // when: some payments acknowledged, some rejected, one invalid, some answered U
    final List<String> done = ids("done");
    final List<String> dead = ids("dead");
    final List<String> waiting = ids("wait");
    stack.publish(done.stream().map(id -> aPayment(id).build()).toList());
    awaitTerminal(done.size());
    stack.simulator.faults(SimulatorFaults.builder().failCode("PROCESS_FAIL", 1.0).build());
    stack.publish(dead.stream().map(id -> aPayment(id).build()).toList());
    stack.publish(List.of(aPayment("invalid-1").setPaymentId("").build()));
    awaitTerminal(done.size() + dead.size() + 1);
    stack.simulator.faults(SimulatorFaults.builder().unknownRate(1.0).build());
    final Instant waitingFrom = Instant.now();
    stack.publish(waiting.stream().map(id -> aPayment(id).build()).toList());
    // then: every instance answers every payment, forwarding what it does not hold
    assertForwardingIsExercised(Stream.of(done, dead, waiting).flatMap(List::stream).toList());
    for (final Instance asked : instances) {
      done.forEach(id -> assertDone(asked, id));
      dead.forEach(id -> assertDeadLettered(asked, id, "REJECTED", 1));
      assertDeadLettered(asked, "invalid-1", "INVALID_EVENT", null);
      waiting.forEach(id -> assertWaiting(asked, id, waitingFrom));
      assertUnknown(asked, "never-published-1");
      assertMalformed(asked);
    }
    logTheCommandsOutput(done.get(0), waiting.get(0), dead.get(0));
  }

  @Test
  void shouldFindPaymentsWhoseEventsWereKeyedAsConfluentAvroStrings() throws Exception {
    // given: two instances; a producer that writes its keys with Confluent's string serializer
    start();
    start();
    await().atMost(PATIENCE).until(this::bothHoldTasks);
    final List<String> done = ids("avro-done");
    final List<String> waiting = ids("avro-wait");
    // when
    stack.publish(
        done.stream().map(id -> aPayment(id).build()).toList(), new AvroStringSerializer());
    awaitTerminal(done.size());
    stack.simulator.faults(SimulatorFaults.builder().unknownRate(1.0).build());
    final Instant waitingFrom = Instant.now();
    stack.publish(
        waiting.stream().map(id -> aPayment(id).build()).toList(), new AvroStringSerializer());
    // then: most of them sit in another partition than their UTF-8 key, and all are found
    final List<String> all = Stream.of(done, waiting).flatMap(List::stream).toList();
    assertThat(all.stream().filter(this::avroKeyElsewhere).count()).isGreaterThan(all.size() / 2);
    for (final Instance asked : instances) {
      done.forEach(id -> assertDone(asked, id));
      waiting.forEach(id -> assertWaiting(asked, id, waitingFrom));
      assertUnknown(asked, "never-published-2");
    }
  }

  /** The input partition of the payment's Avro key differs from its UTF-8 key's. */
  private boolean avroKeyElsewhere(final String id) {
    final byte[] avroKey;
    try (AvroStringSerializer keys = new AvroStringSerializer()) {
      keys.configure(stack.registry(), true);
      avroKey = keys.serialize(stack.topics.input(), id);
    }
    final int partitions = 4;
    return BuiltInPartitioner.partitionForKey(avroKey, partitions)
        != BuiltInPartitioner.partitionForKey(id.getBytes(StandardCharsets.UTF_8), partitions);
  }

  private void start() {
    final int port = freePort();
    final Map<String, String> own = new HashMap<>();
    own.put("ops.port", String.valueOf(port));
    own.put("ops.advertised.host", "127.0.0.1");
    final var config = stack.instanceConfig(own);
    final Operations ops = Operations.create(config);
    final NotifierService service = stack.newService(ops.observer(), config);
    ops.attach(service.kafkaStreams(), service.paymentStatusStores());
    service.start();
    instances.add(new Instance(service, ops, port));
  }

  /** Both RUNNING, each the owner of some input partitions and some DLQ partitions. */
  private boolean bothHoldTasks() {
    if (instances.stream().anyMatch(i -> i.streams().state() != KafkaStreams.State.RUNNING)) {
      return false;
    }
    final Set<Integer> notificationOwners = new HashSet<>();
    final Set<Integer> deadLetterOwners = new HashSet<>();
    IntStream.range(0, 64)
        .mapToObj(i -> "probe-" + i)
        .forEach(
            id -> {
              notificationOwners.add(ownerPort(Part.NOTIFICATION, id));
              deadLetterOwners.add(ownerPort(Part.DEAD_LETTERS, id));
            });
    final Set<Integer> ports = Set.of(instances.get(0).port(), instances.get(1).port());
    return notificationOwners.equals(ports) && deadLetterOwners.equals(ports);
  }

  private int ownerPort(final Part part, final String id) {
    final KeyQueryMetadata owner =
        instances
            .get(0)
            .streams()
            .queryMetadataForKey(part.store(), id, Serdes.String().serializer());
    return owner == null ? -1 : owner.activeHost().port();
  }

  /** Each instance owns some of the payments asked about, so the other one forwards. */
  private void assertForwardingIsExercised(final List<String> ids) {
    final Set<Integer> owners = new HashSet<>();
    ids.forEach(id -> owners.add(ownerPort(Part.NOTIFICATION, id)));
    assertThat(owners).containsExactlyInAnyOrder(instances.get(0).port(), instances.get(1).port());
  }

  private void assertDone(final Instance asked, final String id) {
    final JsonNode answer = answered(asked, id, 200);
    assertThat(answer.path("state").asText()).as(id).isEqualTo("DONE");
    assertThat(answer.path("ackResultStatus").asText()).isEqualTo("S");
    assertThat(answer.path("ackResultCode").asText()).isEqualTo("SUCCESS");
    assertThat(answer.path("attempts").asInt()).isEqualTo(1);
    assertThat(Instant.parse(answer.path("doneAt").asText())).isBefore(Instant.now());
  }

  /** Dead-lettered, with the coordinates of its record in the DLQ topic. */
  private void assertDeadLettered(
      final Instance asked, final String id, final String reason, final Integer attempts) {
    final ConsumerRecord<byte[], byte[]> record = dlqRecordOf(id);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              final JsonNode answer = answered(asked, id, 200);
              assertThat(answer.path("state").asText()).as(id).isEqualTo("DEAD_LETTERED");
              assertThat(answer.path("dlqRecord").isObject()).as("indexed %s", id).isTrue();
              assertThat(answer.path("reason").asText()).isEqualTo(reason);
              assertThat(answer.path("dlqRecord").path("topic").asText())
                  .isEqualTo(stack.topics.dlq());
              assertThat(answer.path("dlqRecord").path("partition").asInt())
                  .isEqualTo(record.partition());
              assertThat(answer.path("dlqRecord").path("offset").asLong())
                  .isEqualTo(record.offset());
              if (attempts == null) {
                assertThat(answer.has("attempts")).isFalse();
              } else {
                assertThat(answer.path("attempts").asInt()).isEqualTo(attempts);
              }
            });
  }

  private void assertWaiting(final Instance asked, final String id, final Instant from) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              final JsonNode answer = answered(asked, id, 200);
              assertThat(answer.path("state").asText()).as(id).isEqualTo("WAITING");
              assertThat(answer.path("attempt").asInt()).isEqualTo(2);
              assertThat(answer.path("lastAnswer").asText()).isEqualTo("U UNKNOWN_EXCEPTION");
              assertThat(Instant.parse(answer.path("dueAt").asText()))
                  .isAfter(from.plus(Duration.ofHours(1)))
                  .isBefore(Instant.now().plus(Duration.ofHours(1)));
            });
  }

  private void assertUnknown(final Instance asked, final String id) {
    final JsonNode answer = answered(asked, id, 404);
    assertThat(answer.path("state").asText()).isEqualTo("UNKNOWN");
    assertThat(answer.path("message").asText()).startsWith(id + ": unknown");
  }

  private void assertMalformed(final Instance asked) {
    assertThat(answered(asked, "x".repeat(65), 400).path("message").asText())
        .isEqualTo("paymentRequestId: must be at most 64 characters, was 65");
    assertThat(answered(asked, "", 400).path("message").asText())
        .isEqualTo("paymentRequestId: is required and must not be blank");
  }

  private JsonNode answered(final Instance asked, final String id, final int status) {
    final HttpResponse<String> response = get(asked, id);
    assertThat(response.statusCode())
        .as("%s of %s: %s", id, asked.url(), response.body())
        .isEqualTo(status);
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> get(final Instance asked, final String id) {
    final URI uri = URI.create(asked.url() + "/payments/" + id);
    try {
      return http.send(
          HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ConsumerRecord<byte[], byte[]> dlqRecordOf(final String id) {
    return OutputTopics.readAll(TestKafka.bootstrapServers(), stack.topics.dlq()).stream()
        .filter(r -> r.key() != null && id.equals(new String(r.key(), StandardCharsets.UTF_8)))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no DLQ record of " + id));
  }

  private void awaitTerminal(final int count) {
    try (OutputTopics outputs = stack.outputs()) {
      assertThat(outputs.readUntil(() -> outputs.terminal() >= count, PATIENCE))
          .as("%d terminal records", count)
          .isTrue();
    }
  }

  /** What {@code payment-notifier status} prints for each state, asked of the first instance. */
  private void logTheCommandsOutput(final String... ids) {
    for (final String id : ids) {
      final CommandRun run = CommandRun.of("status", id, "--url", instances.get(1).url());
      assertThat(run.exitCode()).as(run.err()).isZero();
      LOG.info("payment-notifier status {} -> {}", id, run.out().strip());
      final CommandRun raw = CommandRun.of("status", id, "--url", instances.get(1).url(), "--json");
      LOG.info("payment-notifier status {} --json -> {}", id, raw.out().strip());
    }
    final CommandRun unknown =
        CommandRun.of("status", "never-published-1", "--url", instances.get(0).url());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err().strip())
        .isEqualTo(
            "status: never-published-1: unknown: not in flight, not waiting, not finished within"
                + " dedup.window");
  }

  private static List<String> ids(final String prefix) {
    return IntStream.range(0, EACH).mapToObj(i -> prefix + "-" + i).toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
