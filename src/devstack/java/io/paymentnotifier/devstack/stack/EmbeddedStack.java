package io.paymentnotifier.devstack.stack;

import io.paymentnotifier.config.AlipayConfigDef;
import io.paymentnotifier.config.KafkaConfigDef;
import io.paymentnotifier.config.RegistryConfigDef;
import io.paymentnotifier.devstack.registry.SchemaRegistryServer;
import io.paymentnotifier.notify.Keys;
import io.paymentnotifier.notify.ProviderChoice;
import io.paymentnotifier.notify.RsaSigner;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.simulator.SimulatorFaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the notifier talks to, in this JVM on 127.0.0.1: a real KRaft Kafka broker, the
 * in-memory Schema Registry over HTTP, and the Alipay+ simulator with fresh RSA key pairs, signing
 * with the provider the settings choose (the notifier's settings carry the same choice). {@link
 * #close()} stops all three and deletes the working directory unless asked to keep it.
 */
public final class EmbeddedStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);
  private static final String CLIENT_ID = "DEMO_MPP_CLIENT";
  private static final long LATE_WRITES_MILLIS = 200;

  private final Path directory;
  private final boolean keepData;
  private final ProviderChoice cryptoProvider;
  private final KeyPair mppKeys = Keys.generateRsaPair();
  private final KeyPair alipayKeys = Keys.generateRsaPair();
  private EmbeddedKafka kafka;
  private SchemaRegistryServer registry;
  private AlipaySimulator simulator;
  private final Thread closeOnExit = new Thread(this::closeOnSignal, "embedded-stack-close");
  private boolean closed;

  /**
   * Ports and place of the stack.
   *
   * @param kafkaPort Kafka client port (0: free); the controller takes a free port
   * @param registryPort Schema Registry port (0: free)
   * @param simulatorPort Alipay+ simulator port (0: free)
   * @param directory working directory, or null for a fresh temporary one
   * @param keepData whether close() leaves the directory (broker data, Streams state) in place
   * @param faults what the simulator injects at start
   * @param cryptoProvider who signs and verifies, for the simulator and the notifier alike
   */
  public record Settings(
      int kafkaPort,
      int registryPort,
      int simulatorPort,
      Path directory,
      boolean keepData,
      SimulatorFaults faults,
      ProviderChoice cryptoProvider) {

    /** These ports, place and faults; signatures by the {@code auto} choice of provider. */
    public Settings(
        final int kafkaPort,
        final int registryPort,
        final int simulatorPort,
        final Path directory,
        final boolean keepData,
        final SimulatorFaults faults) {
      this(
          kafkaPort, registryPort, simulatorPort, directory, keepData, faults, ProviderChoice.AUTO);
    }

    /** Free ports, a temporary directory, the given faults. */
    public static Settings ephemeral(final SimulatorFaults faults) {
      return new Settings(0, 0, 0, null, false, faults);
    }

    /** The same settings with signatures by this choice of provider. */
    public Settings withCryptoProvider(final ProviderChoice choice) {
      return new Settings(
          kafkaPort, registryPort, simulatorPort, directory, keepData, faults, choice);
    }
  }

  private EmbeddedStack(
      final Path directory, final boolean keepData, final ProviderChoice cryptoProvider) {
    this.directory = directory;
    this.keepData = keepData;
    this.cryptoProvider = cryptoProvider;
    // Ctrl-C or SIGTERM unwinds no try-with-resources: the stack still stops and leaves no
    // temporary directory (broker data, Streams state) behind.
    Runtime.getRuntime().addShutdownHook(closeOnExit);
  }

  /** Starts the broker, the registry and the simulator; on failure stops what had started. */
  public static EmbeddedStack start(final Settings settings) {
    final EmbeddedStack stack =
        new EmbeddedStack(workDirectory(settings), settings.keepData(), settings.cryptoProvider());
    try {
      stack.kafka =
          EmbeddedKafka.start(
              new EmbeddedKafka.Settings(
                  settings.kafkaPort(), 0, stack.directory.resolve("kafka"), true));
      stack.registry = new SchemaRegistryServer(settings.registryPort()).start();
      stack.simulator = stack.simulator(settings).start();
    } catch (RuntimeException | Error e) {
      // A missing class (NoClassDefFoundError) must not leave a broker or a temp dir behind either.
      stack.close();
      throw e;
    }
    LOG.info(
        "Embedded stack up: Kafka {}, Schema Registry {}, Alipay+ simulator {}",
        stack.bootstrapServers(),
        stack.registryUrl(),
        stack.simulator.baseUrl());
    return stack;
  }

  /** The simulator with the stack's keys, signing by the stack's choice of provider. */
  private AlipaySimulator simulator(final Settings settings) {
    return new AlipaySimulator(
            "127.0.0.1",
            settings.simulatorPort(),
            alipayKeys.getPrivate(),
            mppKeys.getPublic(),
            settings.faults())
        .signatures(RsaSigner.select(AlipayConfigDef.CRYPTO_PROVIDER_CONFIG, cryptoProvider));
  }

  /** Kafka's bootstrap address. */
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The Schema Registry URL. */
  public String registryUrl() {
    return registry.url();
  }

  /** The Alipay+ simulator, to read its stats or change its faults. */
  public AlipaySimulator simulator() {
    return simulator;
  }

  /** The working directory: broker data and Streams state. */
  public Path directory() {
    return directory;
  }

  /**
   * The notifier settings that point at this stack: Kafka, registry, simulator, keys (inline, so
   * nothing is written to disk), the stack's choice of crypto provider and a Streams state
   * directory inside the working directory.
   */
  public Map<String, String> notifierSettings() {
    final Map<String, String> settings = new TreeMap<>();
    settings.put(KafkaConfigDef.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    settings.put(KafkaConfigDef.PREFIX + "state.dir", directory.resolve("streams").toString());
    settings.put(RegistryConfigDef.URL_CONFIG, registryUrl());
    settings.put(AlipayConfigDef.BASE_URL_CONFIG, simulator.baseUrl().toString());
    settings.put(AlipayConfigDef.CLIENT_ID_CONFIG, CLIENT_ID);
    settings.put(AlipayConfigDef.PRIVATE_KEY_CONFIG, Keys.toPem(mppKeys.getPrivate()));
    settings.put(AlipayConfigDef.PUBLIC_KEY_CONFIG, Keys.toPem(alipayKeys.getPublic()));
    settings.put(AlipayConfigDef.CRYPTO_PROVIDER_CONFIG, cryptoProvider.label());
    return settings;
  }

  /** Stops the simulator, the registry and the broker, then removes the working directory. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(closeOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is running its hooks: closeOnExit closes, or waits for this close to end.
    }
    stop();
  }

  /**
   * At JVM exit. Threads of the notifier in the same JVM still run and may still write its Streams
   * state here, so the directory is removed again once, a moment later.
   */
  private void closeOnSignal() {
    stop();
    if (!keepData && Files.exists(directory)) {
      try {
        Thread.sleep(LATE_WRITES_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      DirectoryCleaner.deleteRecursively(directory);
    }
  }

  private synchronized void stop() {
    if (closed) {
      return;
    }
    closed = true;
    if (simulator != null) {
      simulator.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (!keepData) {
      DirectoryCleaner.deleteRecursively(directory);
    }
  }

  private static Path workDirectory(final Settings settings) {
    try {
      return settings.directory() == null
          ? Files.createTempDirectory("payment-notifier-stack-")
          : Files.createDirectories(settings.directory());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the stack's working directory", e);
    }
  }
}
