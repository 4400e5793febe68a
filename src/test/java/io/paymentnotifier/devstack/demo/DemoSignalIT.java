package io.paymentnotifier.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo stopped the way a user stops it, by a signal (Ctrl-C sends SIGINT, a container stop
 * SIGTERM), in its own JVM from the built dev-stack jar: no try-with-resources unwinds, and the
 * embedded stack still stops and deletes its working directory (broker data, Streams state).
 */
class DemoSignalIT {

  private static final Path DEVSTACK_JAR = Path.of("target", "payment-notifier-devstack.jar");
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir Path tmp;

  @Test
  void shouldLeaveNoWorkingDirectoryBehindWhenTheDemoIsStoppedBySignal() throws Exception {
    // given: a demo that would run for minutes, publishing
    assertThat(DEVSTACK_JAR).as("built by the package phase").exists();
    final Path log = tmp.resolve("demo.log");
    final Path tmpdir = Files.createDirectory(tmp.resolve("tmpdir"));
    final Process demo =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmpdir,
                "-jar",
                DEVSTACK_JAR.toString(),
                "demo",
                "--events",
                "100000",
                "--rate",
                "100")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      assertThat(awaitPublishing(demo, log))
          .as("demo publishing; its log:%n%s", read(log))
          .isTrue();
      assertThat(stackDirectories(tmpdir)).hasSize(1);

      // when: SIGTERM
      demo.destroy();

      // then: it ends, and its working directory is gone
      assertThat(demo.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(stackDirectories(tmpdir)).as("log:%n%s", read(log)).isEmpty();
    } finally {
      demo.destroyForcibly();
    }
  }

  private static boolean awaitPublishing(final Process demo, final Path log) throws Exception {
    final long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline && demo.isAlive()) {
      if (read(log).contains("published")) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static List<Path> stackDirectories(final Path tmpdir) throws IOException {
    try (Stream<Path> entries = Files.list(tmpdir)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("payment-notifier-stack-"))
          .toList();
    }
  }

  private static String read(final Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }
}
