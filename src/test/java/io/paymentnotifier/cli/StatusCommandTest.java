package io.paymentnotifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paymentnotifier.dlq.Origin;
import io.paymentnotifier.ops.HealthCheck;
import io.paymentnotifier.ops.OpsServer;
import io.paymentnotifier.ops.PaymentLookup;
import io.paymentnotifier.ops.StreamsStatus;
import io.paymentnotifier.testing.CommandRun;
import io.paymentnotifier.topology.PaymentStatus;
import io.paymentnotifier.topology.PaymentStatusStores;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code status} against a real ops endpoint whose stores hold a few payments. */
class StatusCommandTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00.120Z");
  private static final Map<String, PaymentStatus> HELD =
      Map.of(
          "p-done",
          new PaymentStatus.Done("p-done", AT, "S", "SUCCESS", 2),
          "p-dead",
          new PaymentStatus.DeadLettered(
              "p-dead", AT, "REJECTED", 1, new Origin("payment-notify-dlq", 3, 41)),
          "a/b",
          new PaymentStatus.InFlight("a/b", 1, AT));

  private final OpsServer server =
      OpsServer.start(
          0,
          new HealthCheck(new Running()),
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
          new PaymentLookup(new LocalStores(), (owner, part, id) -> null, null));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldPrintWhereTheKnownPaymentStandsAndExitZero() {
    // when
    final CommandRun done = status("p-done");
    final CommandRun dead = status("p-dead");
    final CommandRun slash = status("a/b");
    // then
    assertThat(done.exitCode()).isZero();
    assertThat(done.out().strip())
        .isEqualTo("p-done: done at 2026-03-01T10:00:00.120Z, acknowledged S SUCCESS, 2 attempts");
    assertThat(dead.out().strip())
        .isEqualTo(
            "p-dead: dead-lettered at 2026-03-01T10:00:00.120Z as REJECTED, 1 attempt;"
                + " DLQ record payment-notify-dlq/3/41 (dlq show p-dead tells the whole story)");
    assertThat(slash.out().strip())
        .isEqualTo("a/b: in flight since 2026-03-01T10:00:00.120Z (attempt 1)");
  }

  @Test
  void shouldPrintTheEndpointsJsonAsItIsWithJson() {
    // when
    final CommandRun run = status("p-done", "--json");
    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip())
        .isEqualTo(
            "{\"paymentRequestId\":\"p-done\",\"state\":\"DONE\",\"doneAt\":\"2026-03-01T10:00:00.120Z\","
                + "\"ackResultStatus\":\"S\",\"ackResultCode\":\"SUCCESS\",\"attempts\":2}");
  }

  @Test
  void shouldExitOneWithOneLineForAnUnknownPayment() {
    // when
    final CommandRun run = status("p-never");
    // then
    assertThat(run.exitCode()).isEqualTo(StatusCommand.EXIT_UNKNOWN);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "status: p-never: unknown: not in flight, not waiting, not finished within"
                + " dedup.window"
                + System.lineSeparator());
  }

  @Test
  void shouldExitTwoWithOneLineForAMalformedId() {
    // when
    final CommandRun tooLong = status("x".repeat(65));
    final CommandRun empty = status("");
    // then
    assertThat(tooLong.exitCode()).isEqualTo(StatusCommand.EXIT_MALFORMED);
    assertThat(tooLong.err().strip())
        .isEqualTo("status: paymentRequestId: must be at most 64 characters, was 65");
    assertThat(empty.exitCode()).isEqualTo(StatusCommand.EXIT_MALFORMED);
    assertThat(empty.err().strip())
        .isEqualTo("status: paymentRequestId: is required and must not be blank");
  }

  @Test
  void shouldExitThreeWithOneLineWhenNoInstanceAnswers() throws IOException {
    // given
    final int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    // when
    final CommandRun run = CommandRun.of("status", "p-done", "--url", "http://127.0.0.1:" + closed);
    // then
    assertThat(run.exitCode()).isEqualTo(StatusCommand.EXIT_NO_ANSWER);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("status: no answer from http://127.0.0.1:" + closed);
  }

  @Test
  void shouldRefuseAUrlThatIsNoHttpEndpoint() {
    // when
    final CommandRun run = CommandRun.of("status", "p-done", "--url", "ftp://127.0.0.1:21");
    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("status: --url must be http://host:port, was ftp://127.0.0.1:21");
  }

  private CommandRun status(final String... args) {
    final String[] all = new String[args.length + 3];
    all[0] = "status";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--url";
    all[args.length + 2] = "http://127.0.0.1:" + server.port() + "/";
    return CommandRun.of(all);
  }

  /** A Kafka Streams client that runs. */
  private static final class Running implements StreamsStatus {
    @Override
    public KafkaStreams.State state() {
      return KafkaStreams.State.RUNNING;
    }

    @Override
    public int liveStreamThreads() {
      return 1;
    }
  }

  /** One instance holding every part of every payment. */
  private static final class LocalStores implements PaymentStatusStores {
    @Override
    public KeyQueryMetadata owner(final Part part, final String id) {
      return new KeyQueryMetadata(HostInfo.unavailable(), Set.of(), 0);
    }

    @Override
    public Optional<PaymentStatus> readLocal(final Part part, final String id, final int p) {
      final PaymentStatus held = HELD.get(id);
      if (part == Part.DEAD_LETTERS) {
        return Optional.of(new PaymentStatus.Unknown(id));
      }
      return Optional.of(held != null ? held : new PaymentStatus.Unknown(id));
    }
  }
}
