package io.paymentnotifier.dev;

import io.paymentnotifier.App;
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

  /** Runs {@code payment-notifier <args>} as a user would, capturing its output. */
  public static CommandRun of(final String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CommandLine commandLine = App.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    final int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
