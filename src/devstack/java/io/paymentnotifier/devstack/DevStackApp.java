package io.paymentnotifier.devstack;

import io.paymentnotifier.cli.App;
import io.paymentnotifier.devstack.bench.BenchCommand;
import io.paymentnotifier.devstack.demo.DemoCommand;
import io.paymentnotifier.devstack.stack.DevCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the dev-stack artifact: the jobs that start their own Kafka broker, Schema
 * Registry and Alipay+ simulator inside the JVM (demo, dev, bench). Never shipped in the service
 * image.
 */
@Command(
    name = "payment-notifier-devstack",
    mixinStandardHelpOptions = true,
    versionProvider = App.Version.class,
    description = "payment-notifier on an embedded Kafka, Schema Registry and Alipay+ simulator.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      DevCommand.class,
      BenchCommand.class
    })
public final class DevStackApp implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(final String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree, shared by main and the tests. */
  public static CommandLine commandLine() {
    return App.withUserErrors(new CommandLine(new DevStackApp()));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
