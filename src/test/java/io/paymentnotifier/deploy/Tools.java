package io.paymentnotifier.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real tools the deploy checks run (promtool, prometheus, kubectl). A missing tool fails the
 * test with its install command, never skips it: `.ci/run` installs them.
 */
final class Tools {

  static final Tool PROMTOOL = new Tool("promtool", "apt-get install -y prometheus");
  static final Tool PROMETHEUS = new Tool("prometheus", "apt-get install -y prometheus");
  static final Tool KUBECTL =
      new Tool(
          "kubectl",
          "kubectl 1.27 or later, which embeds kustomize v5 (Debian's kubernetes-client 1.20 is"
              + " too old: its kustomize has no components)");

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Tools() {}

  /** A command-line tool and how to install it. */
  record Tool(String name, String install) {

    /** The executable on the PATH; fails the test naming the install command when absent. */
    Path path() {
      for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        final Path candidate = Path.of(dir).resolve(name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
      return fail(name + " is not on the PATH; the deploy checks run it. Install: " + install);
    }

    /** Runs the tool with these arguments in {@code dir} and returns its exit code and output. */
    Result run(final Path dir, final String... arguments) {
      final List<String> command = new ArrayList<>();
      command.add(path().toString());
      command.addAll(List.of(arguments));
      return Tools.run(dir, command);
    }
  }

  /** What a finished command said: its exit code, standard output and standard error. */
  record Result(String command, int exitCode, String stdout, String stderr) {

    /** This result; fails the test with the command's output when it did not exit 0. */
    Result requireSuccess() {
      if (exitCode != 0) {
        fail(command + " exited " + exitCode + ":\n" + stdout + stderr);
      }
      return this;
    }
  }

  private static Result run(final Path dir, final List<String> command) {
    final String line = String.join(" ", command);
    try {
      final Path stdout = Files.createTempFile("tool-stdout", ".txt");
      final Path stderr = Files.createTempFile("tool-stderr", ".txt");
      final Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return fail(line + " did not finish within " + TIMEOUT);
      }
      final Result result = new Result(line, process.exitValue(), read(stdout), read(stderr));
      Files.delete(stdout);
      Files.delete(stderr);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(final Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
