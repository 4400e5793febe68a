package io.paymentnotifier.devstack.stack;

import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.OpsConfigDef;
import io.paymentnotifier.devstack.FaultMixOptions;
import io.paymentnotifier.notify.AlipaySettings;
import io.paymentnotifier.notify.HttpNotifyClient;
import io.paymentnotifier.ops.Operations;
import io.paymentnotifier.service.NotifierService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A local stack on fixed ports with the notifier running, until Ctrl-C. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Kafka, a Schema Registry, the Alipay+ simulator and the notifier (same code as 'run',"
          + " short retry ladder) on fixed ports of 127.0.0.1 until Ctrl-C, and prints how to"
          + " publish and consume."
    })
public final class DevCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin FaultMixOptions faults;

  @Option(names = "--kafka-port", defaultValue = "9092", description = "(${DEFAULT-VALUE})")
  int kafkaPort;

  @Option(names = "--registry-port", defaultValue = "8081", description = "(${DEFAULT-VALUE})")
  int registryPort;

  @Option(names = "--simulator-port", defaultValue = "8090", description = "(${DEFAULT-VALUE})")
  int simulatorPort;

  @Option(names = "--ops-port", defaultValue = "8080", description = "(${DEFAULT-VALUE})")
  int opsPort;

  @Option(
      names = "--with-faults",
      description = "Let the simulator inject the demo's fault mix (default: it always succeeds).")
  boolean withFaults;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Keep broker data and Streams state in DIR across runs (default: a temp dir).")
  Path dataDir;

  @Option(names = "--verbose", description = "Keep the log output of Kafka and the notifier.")
  boolean verbose;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    if (!verbose) {
      QuietLogs.errorsOnly();
    }
    try (EmbeddedStack stack = EmbeddedStack.start(stackSettings())) {
      final NotifierConfig config = new NotifierConfig(settings(stack));
      final Operations ops = Operations.create(config);
      final NotifierService service =
          new NotifierService(
              config, new HttpNotifyClient(AlipaySettings.from(config)), ops.observer());
      ops.overloadControl(service.overloadControl());
      ops.attach(service.kafkaStreams(), service.paymentStatusStores());
      final Thread onCtrlC = new Thread(this::stop, "dev-stop");
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      try {
        service.start();
        LocalNotifier.awaitRunning(service.kafkaStreams());
        new DevInstructions(stack, ops.port(), config.topics()).print(spec.commandLine().getOut());
        stopped.await();
      } finally {
        spec.commandLine().getOut().println("Stopping...");
        service.close(Duration.ofSeconds(10));
        ops.close();
        removeHook(onCtrlC);
      }
    }
    return 0;
  }

  /** Ends the run as Ctrl-C does. */
  void stop() {
    stopped.countDown();
  }

  private EmbeddedStack.Settings stackSettings() {
    return new EmbeddedStack.Settings(
        kafkaPort,
        registryPort,
        simulatorPort,
        dataDir,
        dataDir != null,
        faults.faults(LocalNotifier.CALL_TIMEOUT, withFaults));
  }

  private Map<String, String> settings(final EmbeddedStack stack) {
    final Map<String, String> settings =
        new TreeMap<>(LocalNotifier.settings(stack, "payment-notifier-dev"));
    settings.put(OpsConfigDef.PORT_CONFIG, Integer.toString(opsPort));
    return settings;
  }

  private static void removeHook(final Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C: the JVM is already running the hooks, this one included.
    }
  }
}
