package io.paymentnotifier.testing;

import io.paymentnotifier.cli.App;
import io.paymentnotifier.devstack.DevStackApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the application's command line in this JVM, with what it printed.
 *
 * @param exitCode the exit code main would return
 * @param out standard output
 * @param err standard error
 */
public record CommandRun(int exitCode, String out, String err) {

  /**
   * Runs {@code payment-notifier <args>} (the service jar) as a user would, capturing its output.
   */
  public static CommandRun of(final String... args) {
    return run(App.commandLine(), args);
  }

  /** Runs {@code payment-notifier-devstack <args>} (demo, dev, bench), capturing its output. */
  public static CommandRun devStack(final String... args) {
    return run(DevStackApp.commandLine(), args);
  }

  private static CommandRun run(final CommandLine commandLine, final String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    final int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
