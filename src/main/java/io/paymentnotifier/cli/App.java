package io.paymentnotifier.cli;

import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the service artifact: one subcommand per job (run, publish, dlq, status,
 * simulator, keygen). The dev stack's demo, dev and bench live in their own artifact ({@code
 * io.paymentnotifier.devstack.DevStackApp}).
 */
@Command(
    name = "payment-notifier",
    mixinStandardHelpOptions = true,
    versionProvider = App.Version.class,
    description = "Tells Alipay+ the final result of every payment (notifyPayment), from Kafka.",
    subcommands = {
      CommandLine.HelpCommand.class,
      RunCommand.class,
      PublishCommand.class,
      DlqCommand.class,
      StatusCommand.class,
      SimulatorCommand.class,
      KeygenCommand.class
    })
public final class App implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(final String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree, shared by main and the tests. */
  public static CommandLine commandLine() {
    return withUserErrors(new CommandLine(new App()));
  }

  /** A command tree whose bad settings and arguments end in one line and exit code 2. */
  public static CommandLine withUserErrors(final CommandLine commandLine) {
    return commandLine.setExecutionExceptionHandler(App::reportUserError);
  }

  /**
   * Bad settings and bad arguments are the user's to fix: one line naming the problem, exit code 2.
   * Anything else is a bug and keeps its stack trace.
   */
  private static int reportUserError(
      final Exception e, final CommandLine commandLine, final CommandLine.ParseResult parsed)
      throws Exception {
    if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
      commandLine.getErr().println(commandLine.getCommandName() + ": " + e.getMessage());
      return 2;
    }
    throw e;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Reads the version Maven wrote into the jar manifest; both jars of a build share it. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      final String version = App.class.getPackage().getImplementationVersion();
      return new String[] {
        "payment-notifier " + (version == null ? "(development build)" : version)
      };
    }
  }
}
