package io.paymentnotifier.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentnotifier.config.Topics;
import io.paymentnotifier.testing.CommandRun;
import io.paymentnotifier.testing.OutputTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DevCommandIT {

  @Test
  void shouldServeTheStackOnTheGivenPortsAndNotifyPublishedPaymentsUntilStopped() throws Exception {
    // given
    final int kafka = FreePorts.orFree(0);
    final int registry = FreePorts.orFree(0);
    final int simulator = FreePorts.orFree(0);
    final int ops = FreePorts.orFree(0);
    final DevCommand dev = new DevCommand();
    final StringWriter out = new StringWriter();
    final CommandLine commandLine = new CommandLine(dev).setOut(new PrintWriter(out, true));
    final CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute(
                    "--kafka-port",
                    "" + kafka,
                    "--registry-port",
                    "" + registry,
                    "--simulator-port",
                    "" + simulator,
                    "--ops-port",
                    "" + ops,
                    "--verbose"));
    await().atMost(Duration.ofMinutes(2)).until(() -> out.toString().contains("dev stack is up"));
    // when
    final CommandRun publish =
        CommandRun.of(
            "publish",
            "-b",
            "127.0.0.1:" + kafka,
            "-r",
            "http://127.0.0.1:" + registry,
            "--count",
            "25");
    // then
    assertThat(out.toString())
        .contains("Kafka            127.0.0.1:" + kafka)
        .contains("http://127.0.0.1:" + registry)
        .contains("publish -b 127.0.0.1:" + kafka)
        .contains("kcat -b 127.0.0.1:" + kafka);
    assertThat(publish.exitCode()).as(publish.err()).isZero();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> OutputTopics.readAll("127.0.0.1:" + kafka, Topics.DEFAULT_DONE).size() == 25);
    assertThat(get("http://127.0.0.1:" + ops + "/health/ready")).isEqualTo(200);
    dev.stop();
    assertThat(exit.get()).isZero();
  }

  private static int get(final String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
