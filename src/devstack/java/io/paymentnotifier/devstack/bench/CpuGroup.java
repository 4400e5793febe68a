package io.paymentnotifier.devstack.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a thread of the bench JVM works for, told by its name. The first three are the notifier's
 * own per-notification work; everything else is the rig (broker, registry, simulator, bench) or the
 * JVM.
 */
enum CpuGroup {
  STREAM("notifier: stream threads", true),
  SIGNER("notifier: signer threads (notify-signer-*)", true, "notify-signer-"),
  HTTP_IO("notifier: HTTP client I/O (httpclient-*)", true, "httpclient-"),
  NOTIFIER_KAFKA("notifier: Kafka clients, Streams housekeeping", false),
  // HttpCore's server names its I/O threads server-dispatch-N and server-listener-N; the
  // simulator is the only HttpCore server in the bench JVM.
  SIMULATOR("Alipay+ simulator", false, "simulator-", "server-"),
  // HTTP-Dispatcher: the JDK server's selector thread, which only the registry uses here.
  REGISTRY("Schema Registry", false, "schema-registry-", "HTTP-Dispatcher"),
  BENCH(
      "bench: publisher, reader of the results",
      false,
      "main",
      "kafka-producer-network-thread | producer-",
      "heap-sampler",
      "signing-ceiling-"),
  BROKER("Kafka broker (and other Java threads)", false),
  GC("JVM: garbage collector", false),
  JIT("JVM: JIT compiler", false),
  OTHER("JVM: other, and threads that ended", false);

  private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");

  private final String label;
  private final boolean notifierOwn;
  private final List<String> namePrefixes;

  CpuGroup(final String label, final boolean notifierOwn, final String... namePrefixes) {
    this.label = label;
    this.notifierOwn = notifierOwn;
    this.namePrefixes = List.of(namePrefixes);
  }

  /** What the summary calls this group. */
  String label() {
    return label;
  }

  /** True for the notifier's own work per notification: stream, signer and HTTP I/O threads. */
  boolean notifierOwn() {
    return notifierOwn;
  }

  /**
   * The group of a Java thread of this name; {@link #BROKER} for any other.
   *
   * @param notifierApplicationId the notifier's application.id: Kafka Streams names its threads and
   *     clients after it
   */
  static CpuGroup ofJavaThread(final String name, final String notifierApplicationId) {
    if (name.startsWith(notifierApplicationId + "-")) {
      return STREAM_THREAD.matcher(name).matches() ? STREAM : NOTIFIER_KAFKA;
    }
    if (name.contains("| " + notifierApplicationId)) {
      // Kafka clients' own threads: "kafka-producer-network-thread | <client id>" and the like.
      return NOTIFIER_KAFKA;
    }
    for (final CpuGroup group : values()) {
      if (group.namePrefixes.stream().anyMatch(name::startsWith)) {
        return group;
      }
    }
    return BROKER;
  }

  /**
   * The group of a JVM thread that Java does not list (GC, JIT compiler), by its Linux thread name
   * (15 characters at most), or null for one whose time is left to {@link #OTHER}.
   */
  static CpuGroup ofNativeThread(final String comm) {
    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
      return GC;
    }
    return comm.contains("CompilerThre") ? JIT : null;
  }
}
