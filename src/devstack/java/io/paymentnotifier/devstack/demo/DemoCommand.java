package io.paymentnotifier.devstack.demo;

import io.paymentnotifier.config.Durations;
import io.paymentnotifier.devstack.FaultMixOptions;
import io.paymentnotifier.devstack.stack.EmbeddedStack;
import io.paymentnotifier.devstack.stack.LocalNotifier;
import io.paymentnotifier.devstack.stack.QuietLogs;
import io.paymentnotifier.notify.ProviderChoice;
import io.paymentnotifier.notify.RsaSigner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The one-command demo: embedded stack, real topology, faults, and a checked summary. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts Kafka, a Schema Registry and an Alipay+ simulator inside this JVM, runs the notifier"
          + " on them (the same code as 'run', with a short retry ladder), publishes events while"
          + " the simulator injects faults, and prints a summary read back from the topics.",
      "Exit code 0 only when every event reached exactly one terminal record (done or DLQ)."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin FaultMixOptions faults;

  @Option(
      names = "--events",
      defaultValue = "5000",
      description = "Events to publish (${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "Events per second; 0 publishes as fast as possible (${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--bad-events",
      defaultValue = "10",
      description =
          "Of those, invalid or unreadable events, dead-lettered on sight (${DEFAULT-VALUE}).")
  long badEvents;

  @Option(
      names = "--failed-share",
      defaultValue = "0.2",
      description = "Share of payments that failed (status F), still notified (${DEFAULT-VALUE}).")
  double failedShare;

  @Option(
      names = "--timeout",
      defaultValue = "3m",
      converter = DurationConverter.class,
      description = "Give up waiting for terminal records after this (${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--summary-json",
      paramLabel = "FILE",
      description = "Also write the summary as JSON.")
  Path summaryJson;

  @Option(
      names = "--keep-data",
      paramLabel = "DIR",
      description = "Keep the broker data and Streams state in DIR instead of a deleted temp dir.")
  Path keepData;

  @Option(
      names = "--crypto-provider",
      defaultValue = "auto",
      description =
          "Who signs and verifies, in the notifier and the simulator: auto (native when it loads,"
              + " else the JDK's), native or jdk (${DEFAULT-VALUE}).")
  String cryptoProvider;

  @Option(names = "--verbose", description = "Keep the log output of Kafka and the notifier.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (events < 1) {
      throw new IllegalArgumentException("--events must be at least 1");
    }
    final PrintWriter out = spec.commandLine().getOut();
    if (!verbose) {
      QuietLogs.errorsOnly();
    }
    final ProviderChoice crypto = cryptoChoice();
    out.println("Starting Kafka (KRaft), Schema Registry and the Alipay+ simulator in this JVM...");
    final long started = System.nanoTime();
    try (EmbeddedStack stack = EmbeddedStack.start(stackSettings().withCryptoProvider(crypto))) {
      out.printf(
          "Stack ready in %.1f s: Kafka %s, registry %s, simulator %s%n",
          (System.nanoTime() - started) / 1e9,
          stack.bootstrapServers(),
          stack.registryUrl(),
          stack.simulator().baseUrl());
      final DemoSummary summary = new DemoRun(this, out, System.console() != null).run(stack);
      summary.print(out);
      if (summaryJson != null) {
        summary.writeJson(summaryJson);
      }
      return summary.exactlyOneTerminalEach() ? 0 : 1;
    } finally {
      if (keepData != null) {
        out.printf("Data kept in %s%n", keepData.toAbsolutePath());
      }
    }
  }

  /** The choice of --crypto-provider, checked before anything starts. */
  private ProviderChoice cryptoChoice() {
    try {
      final ProviderChoice choice = ProviderChoice.parse("--crypto-provider", cryptoProvider);
      RsaSigner.select("--crypto-provider", choice);
      return choice;
    } catch (IllegalArgumentException | ConfigException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private EmbeddedStack.Settings stackSettings() {
    return new EmbeddedStack.Settings(
        0, 0, 0, keepData, keepData != null, faults.faults(LocalNotifier.CALL_TIMEOUT));
  }

  /** Reads "90s", "3m" and the like. */
  static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(final String value) {
      return Durations.parse(value);
    }
  }
}
