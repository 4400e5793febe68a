package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.cli.App;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The real {@code run} command in a JVM of its own, as an operator starts it: a config file, the
 * service's class path, its own log. It can be SIGKILLed ({@link #kill}), started again on the same
 * config and state directory, and read from outside through its ops port (health, metrics).
 */
public final class ChildNotifier implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path config;
  private final int opsPort;
  private final List<String> jvmOptions;
  private final Path logDirectory;
  private volatile Process process;
  private int starts;

  /** A bench stopped by a signal unwinds no try-with-resources: the child must not outlive it. */
  private final Thread reaper = new Thread(this::destroyAtExit, "child-reaper");

  /**
   * @param directory where the config file and the logs go
   * @param settings the service settings; {@code ops.port} must be a fixed port
   * @param jvmOptions extra JVM options (heap size, ...)
   */
  public ChildNotifier(
      final Path directory, final Map<String, String> settings, final List<String> jvmOptions) {
    this.logDirectory = directory;
    this.opsPort = Integer.parseInt(settings.get("ops.port"));
    this.jvmOptions = List.copyOf(jvmOptions);
    this.config = writeConfig(directory.resolve("notifier.properties"), settings);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts a new process on the same config; its output goes to {@code run-<n>.log}. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running: pid " + process.pid());
    }
    starts++;
    final List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.addAll(List.of("-cp", serviceClassPath(), App.class.getName()));
    command.addAll(List.of("run", "--config", config.toString()));
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log().toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no close, no commit. */
  public synchronized void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: the graceful shutdown of {@code run}. */
  public synchronized boolean stop(final Duration timeout) {
    process.destroy();
    return awaitExit(timeout);
  }

  /** Waits until {@code /health/ready} answers 200; fails when the process dies first. */
  public void awaitReady(final Duration timeout) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "run exited with " + process.exitValue() + "; see " + log());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("run not ready after " + timeout + "; see " + log());
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
  }

  /** Whether {@code /health/ready} answers 200 now. */
  public boolean ready() {
    try {
      return get("/health/ready").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** The sum of every sample of a Prometheus metric (all label sets), 0 when absent. */
  public double metric(final String name) {
    try {
      return PrometheusText.sum(get("/metrics").body(), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scrape the child's metrics", e);
    }
  }

  /** Runs a full GC in the child ({@code jcmd <pid> GC.run}), then reads its used heap. */
  public long heapUsedAfterFullGc() {
    final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      final Process gc =
          new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
        throw new IllegalStateException("jcmd GC.run failed for pid " + process.pid());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("jcmd is needed (a JDK, not a JRE): " + jcmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return (long) metricWhere("jvm_memory_used_bytes", "area=\"heap\"");
  }

  /**
   * Kafka Streams' words when it closes a task dirty and restores it from scratch (a
   * TaskCorruptedException). Not counted: Kafka 4.4.0's start-up pass over the task directories,
   * which treats every store as non-transactional and logs the same exception for a store with no
   * committed offset yet, then closes it cleanly without wiping anything.
   */
  public static boolean tellsOfAWipe(final String logLine) {
    return logLine.contains("need to be re-initialized")
        && !logLine.contains("Failed to register startup state stores");
  }

  /** The log of the current (latest) start. */
  public Path log() {
    return logDirectory.resolve("run-" + starts + ".log");
  }

  /** The log of the latest start, as written so far. */
  public String lastLog() {
    try {
      return Files.readString(log());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log(), e);
    }
  }

  /** Every log written so far, oldest first. */
  public String logs() {
    final StringBuilder text = new StringBuilder();
    for (int i = 1; i <= starts; i++) {
      try {
        text.append(Files.readString(logDirectory.resolve("run-" + i + ".log")));
      } catch (IOException e) {
        text.append("(run-").append(i).append(".log unreadable: ").append(e).append(")\n");
      }
    }
    return text.toString();
  }

  @Override
  public synchronized void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is running its hooks, the reaper among them.
    }
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(30));
    }
  }

  // Not synchronized: at exit the thread that holds the lock may be the one waiting on the child.
  private void destroyAtExit() {
    final Process current = process;
    if (current != null) {
      current.destroyForcibly();
    }
  }

  private double metricWhere(final String name, final String label) {
    try {
      return PrometheusText.sum(get("/metrics").body(), name, label);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scrape the child's metrics", e);
    }
  }

  private boolean awaitExit(final Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse<String> get(final String path) throws IOException {
    final HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * The service's class path: the service jar when this runs from the packaged jars (its manifest
   * brings {@code lib/}), else this JVM's class path (tests, an IDE).
   */
  static String serviceClassPath() {
    try {
      final Path source =
          Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(source)
          ? source.toString()
          : System.getProperty("java.class.path");
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the service classes", e);
    }
  }

  private static Path writeConfig(final Path file, final Map<String, String> settings) {
    final Properties props = new Properties();
    props.putAll(settings);
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        props.store(out, "payment-notifier run, started by the dev stack");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
