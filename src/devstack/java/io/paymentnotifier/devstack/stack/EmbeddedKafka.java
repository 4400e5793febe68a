package io.paymentnotifier.devstack.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one) running inside this JVM from
 * Kafka's production classes, bound to 127.0.0.1.
 *
 * <p>The node's {@code server.properties} is written into its data directory, so starting again on
 * a kept directory reuses the cluster id and the ports.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String SERVER_PROPERTIES = "server.properties";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final Path directory;
  private final boolean keepData;
  private final String bootstrapServers;
  private boolean closed;

  private EmbeddedKafka(
      final KafkaRaftServer server,
      final Path directory,
      final boolean keepData,
      final String bootstrapServers) {
    this.server = server;
    this.directory = directory;
    this.keepData = keepData;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Where and how to run the broker.
   *
   * @param brokerPort client port, 0 for a free one
   * @param controllerPort controller port, 0 for a free one
   * @param directory data directory, or null for a fresh temporary one
   * @param keepData whether close() leaves the data directory in place
   */
  public record Settings(int brokerPort, int controllerPort, Path directory, boolean keepData) {

    /** Free ports and a temporary directory removed on close: for tests, demo and bench. */
    public static Settings ephemeral() {
      return new Settings(0, 0, null, false);
    }
  }

  /** Formats the storage when new, starts the node and waits until it answers clients. */
  public static EmbeddedKafka start(final Settings settings) {
    final long started = System.nanoTime();
    final Path directory = dataDirectory(settings);
    final Properties props = serverProperties(directory, settings);
    final KafkaRaftServer server = createServer(directory, props, settings.keepData());
    final String bootstrap = "127.0.0.1:" + KafkaNodeProperties.clientPort(props);
    final EmbeddedKafka kafka =
        new EmbeddedKafka(server, directory, settings.keepData(), bootstrap);
    try {
      server.startup();
      awaitReady(bootstrap);
    } catch (RuntimeException | Error e) {
      kafka.close();
      throw e;
    }
    LOG.info(
        "Kafka broker ready at {} in {} ms (data {})",
        bootstrap,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        directory);
    return kafka;
  }

  /** Formats new storage and builds the node; on failure a temporary directory goes too. */
  private static KafkaRaftServer createServer(
      final Path directory, final Properties props, final boolean keepData) {
    try {
      formatWhenNew(directory);
      return new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    } catch (RuntimeException | Error e) {
      if (!keepData) {
        DirectoryCleaner.deleteRecursively(directory);
      }
      throw e;
    }
  }

  /** host:port for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The data directory (log dirs and server.properties). */
  public Path directory() {
    return directory;
  }

  /** Stops the broker and, unless asked to keep it, deletes its data directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      if (!keepData) {
        DirectoryCleaner.deleteRecursively(directory);
      }
    }
  }

  private static Path dataDirectory(final Settings settings) {
    try {
      if (settings.directory() == null) {
        return Files.createTempDirectory("payment-notifier-kafka-");
      }
      return Files.createDirectories(settings.directory());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the Kafka data directory", e);
    }
  }

  /** The saved properties of a kept directory, else new ones written there. */
  private static Properties serverProperties(final Path directory, final Settings settings) {
    final Path file = directory.resolve(SERVER_PROPERTIES);
    final Properties props = new Properties();
    try {
      if (Files.exists(file)) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          props.load(in);
        }
        return props;
      }
      props.putAll(
          KafkaNodeProperties.singleNode(
              directory.resolve("data"),
              FreePorts.orFree(settings.brokerPort()),
              FreePorts.orFree(settings.controllerPort())));
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        props.store(out, "payment-notifier embedded Kafka node");
      }
      return props;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or write " + file, e);
    }
  }

  private static void formatWhenNew(final Path directory) {
    if (Files.exists(directory.resolve("data").resolve("meta.properties"))) {
      return;
    }
    final String[] args = {
      "format",
      "-t",
      Uuid.randomUuid().toString(),
      "-c",
      directory.resolve(SERVER_PROPERTIES).toString(),
      "--standalone",
      "--ignore-formatted"
    };
    // The tool prints "Formatting ..." lines meant for a terminal; they are noise here.
    final int rc = StorageTool.execute(args, new PrintStream(OutputStream.nullOutputStream()));
    if (rc != 0) {
      throw new IllegalStateException("formatting Kafka storage failed with exit code " + rc);
    }
  }

  private static void awaitReady(final String bootstrap) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not become ready at " + bootstrap, e);
    }
  }
}
