package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paymentnotifier.notify.CryptoProviders;
import io.paymentnotifier.notify.ProviderChoice;
import io.paymentnotifier.testing.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ops endpoint on a real Kafka Streams client against the real broker. */
class OperationsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newHttpClient();
  private final String input = TestKafka.uniqueName("ops-in");
  private final String output = TestKafka.uniqueName("ops-out");
  private final Operations ops = Operations.create(0);
  private KafkaStreams streams;

  @AfterEach
  void stop() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(10));
    }
    ops.close();
  }

  @Test
  void shouldTurnReadyOnceRunningAndServeStreamsAndJvmMetrics() throws Exception {
    // given
    TestKafka.createTopics(1, input, output);
    streams = newStreams();
    ops.attach(streams);
    ops.cryptoProvider(CryptoProviders.select("alipay.crypto.provider", ProviderChoice.AUTO));
    final int readyBeforeStart = status(OpsServer.READY_PATH);
    final int lookupBeforeStart = status("/payments/p-1");

    // when
    streams.start();

    // then
    assertThat(readyBeforeStart).isEqualTo(503);
    assertThat(lookupBeforeStart).as("a lookup before the client starts").isEqualTo(503);
    assertThat(status(OpsServer.LIVE_PATH)).isEqualTo(200);
    await().atMost(TIMEOUT).until(() -> status(OpsServer.READY_PATH) == 200);
    assertThat(body(OpsServer.METRICS_PATH))
        .contains("kafka_stream_")
        .contains("kafka_consumer_")
        .contains("jvm_memory_used_bytes")
        .contains("notifier_calls_in_flight")
        .contains(
            "notifier_crypto_provider_info{name=\"AmazonCorrettoCryptoProvider\","
                + "provider=\"native\",version=\"2.5.0\"} 1");
  }

  @Test
  void shouldFailLivenessAndReadinessWhenTheStreamThreadDies() throws Exception {
    // given
    TestKafka.createTopics(1, input, output);
    streams = newStreams();
    streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    ops.attach(streams);
    streams.start();
    await().atMost(TIMEOUT).until(() -> status(OpsServer.READY_PATH) == 200);

    // when
    produce("poison");

    // then
    await().atMost(TIMEOUT).until(() -> status(OpsServer.LIVE_PATH) == 503);
    assertThat(status(OpsServer.READY_PATH)).isEqualTo(503);
    assertThat(body(OpsServer.LIVE_PATH)).contains("ERROR");
  }

  /** Copies records through, and fails on "poison" the way a bug would. */
  private KafkaStreams newStreams() throws Exception {
    final StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(
            value -> {
              if ("poison".equals(value)) {
                throw new IllegalStateException("a bug met a record");
              }
              return value;
            })
        .to(output, Produced.with(Serdes.String(), Serdes.String()));
    final Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, TestKafka.uniqueName("ops-it"));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("ops-it").toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return new KafkaStreams(builder.build(), props);
  }

  private void produce(final String value) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(input, "k", value)).get();
    }
  }

  private int status(final String path) throws Exception {
    return send(path).statusCode();
  }

  private String body(final String path) throws Exception {
    return send(path).body();
  }

  private HttpResponse<String> send(final String path) throws Exception {
    final HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
