package io.paymentnotifier.cli;

import io.paymentnotifier.config.ConfigLoader;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.OpsConfigDef;
import io.paymentnotifier.notify.AlipaySettings;
import io.paymentnotifier.notify.HttpNotifyClient;
import io.paymentnotifier.ops.LogFormat;
import io.paymentnotifier.ops.Operations;
import io.paymentnotifier.service.NotifierService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: the production service, until SIGTERM (then a graceful shutdown). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Reads PaymentFinalized events and notifies Alipay+ until stopped.",
      "Settings: the --config file, then NOTIFIER_* environment variables (they win)."
    })
public final class RunCommand implements Callable<Integer> {

  static final int EXIT_BAD_CONFIG = 2;
  static final int EXIT_FAILED = 1;

  private final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Java properties file with the settings (see README, Configuration).")
  Path configFile;

  public RunCommand() {
    this(System.getenv());
  }

  RunCommand(final Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    final PrintWriter err = spec.commandLine().getErr();
    final NotifierConfig config;
    final AlipaySettings alipay;
    try {
      config = ConfigLoader.loadConfig(configFile, env);
      alipay = AlipaySettings.from(config);
    } catch (ConfigException e) {
      err.println("Invalid configuration: " + e.getMessage());
      return EXIT_BAD_CONFIG;
    }
    LogFormat.apply(config.getString(OpsConfigDef.LOG_FORMAT_CONFIG));
    final Operations ops = Operations.create(config);
    ops.cryptoProvider(alipay.signatures().provider());
    final NotifierService service =
        new NotifierService(config, new HttpNotifyClient(alipay), ops.observer());
    watch(ops, service);
    final CountDownLatch stopped = new CountDownLatch(1);
    final Thread hook = new Thread(() -> stop(service, ops, stopped), "notifier-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      service.start();
    } catch (IllegalStateException | KafkaException e) {
      err.println("Cannot start: " + e.getMessage());
      Runtime.getRuntime().removeShutdownHook(hook);
      stop(service, ops, stopped);
      return EXIT_FAILED;
    }
    return awaitEnd(service.kafkaStreams(), stopped);
  }

  /** Metrics and health of the service: its Kafka Streams client and its Alipay+ hosts. */
  private static void watch(final Operations ops, final NotifierService service) {
    ops.overloadControl(service.overloadControl());
    ops.attach(service.kafkaStreams(), service.paymentStatusStores());
  }

  /** Blocks until SIGTERM or until Kafka Streams gives up (a failed client is exit code 1). */
  private static int awaitEnd(final KafkaStreams streams, final CountDownLatch stopped) {
    try {
      while (!stopped.await(500, TimeUnit.MILLISECONDS)) {
        if (streams.state() == KafkaStreams.State.ERROR
            || streams.state() == KafkaStreams.State.NOT_RUNNING) {
          return EXIT_FAILED;
        }
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_FAILED;
    }
  }

  private static void stop(
      final NotifierService service, final Operations ops, final CountDownLatch stopped) {
    try {
      service.close();
    } finally {
      ops.close();
      stopped.countDown();
    }
  }
}
