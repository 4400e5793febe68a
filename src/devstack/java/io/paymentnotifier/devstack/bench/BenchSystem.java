package io.paymentnotifier.devstack.bench;

import io.paymentnotifier.config.KafkaConfigDef;
import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.devstack.stack.EmbeddedStack;
import io.paymentnotifier.devstack.stack.LocalNotifier;
import io.paymentnotifier.devstack.stack.TerminalRecords;
import io.paymentnotifier.notify.AlipaySettings;
import io.paymentnotifier.notify.HttpNotifyClient;
import io.paymentnotifier.notify.NotifyClient;
import io.paymentnotifier.publish.EventPublisher;
import io.paymentnotifier.publish.PaymentSamples;
import io.paymentnotifier.service.NotifierService;
import io.paymentnotifier.topology.NotificationObserver;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One system under benchmark on the embedded stack, running: the blocking baseline or the notifier
 * itself. Each step publishes fresh events and waits for their terminal records.
 */
final class BenchSystem implements AutoCloseable {

  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);
  private static final int PARTITIONS = 4;

  /**
   * Warm-up rounds end once the JIT compiler uses less than this share of the cores: the JVM runs
   * the broker, registry and simulator too, and compiling all of that took a third of both cores
   * during the first 20,000 notifications.
   */
  private static final double JIT_SETTLED = 0.05;

  /**
   * One throughput reading.
   *
   * @param result what the backlog phase measured
   * @param cpu the JVM's CPU use meanwhile
   * @param threads the same by thread group, per notification
   */
  record Reading(LoadPhase.Result result, CpuUse.Share cpu, CpuBreakdown threads) {}

  private final String name;
  private final String applicationId;
  private final EmbeddedStack stack;
  private final Topics topics;
  private final Map<String, Object> registry;
  private final PrintWriter out;
  private final Runnable stop;
  private final EventPublisher publisher;
  private final HeapSampler heap = new HeapSampler();

  private BenchSystem(
      final String name,
      final EmbeddedStack stack,
      final NotifierConfig config,
      final Topics topics,
      final PrintWriter out,
      final Runnable stop) {
    this.name = name;
    this.applicationId = config.getString(KafkaConfigDef.APPLICATION_ID_CONFIG);
    this.stack = stack;
    this.topics = topics;
    this.registry = config.registryProperties();
    this.out = out;
    this.stop = stop;
    this.publisher =
        new EventPublisher(
            Map.of("bootstrap.servers", stack.bootstrapServers()), registry, topics.input());
  }

  /** A topology making one blocking notifyPayment call per record, running. */
  static BenchSystem baseline(final EmbeddedStack stack, final PrintWriter out) throws Exception {
    final NotifierConfig config = config(stack, "bench-baseline");
    final Topics topics = Topics.defaults().withPrefix("baseline-");
    createTopics(stack, topics);
    final Properties props = new Properties();
    props.putAll(config.kafkaProperties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-baseline");
    final NotifyClient client = new HttpNotifyClient(AlipaySettings.from(config));
    final KafkaStreams streams =
        new KafkaStreams(
            BlockingBaseline.build(topics, config.registryProperties(), client), props);
    final Runnable stop =
        () -> {
          try (client) {
            streams.close(Duration.ofSeconds(10));
          }
        };
    try {
      streams.start();
      LocalNotifier.awaitRunning(streams);
      return new BenchSystem("baseline", stack, config, topics, out, stop);
    } catch (RuntimeException e) {
      stop.run();
      throw e;
    }
  }

  /** The notifier itself, running: the same NotifierService as {@code run}. */
  static BenchSystem real(final EmbeddedStack stack, final PrintWriter out) {
    final NotifierConfig config = config(stack, "bench-real");
    final NotifierService service =
        new NotifierService(
            config, new HttpNotifyClient(AlipaySettings.from(config)), NotificationObserver.NONE);
    final Runnable stop = () -> service.close(Duration.ofSeconds(10));
    try {
      service.start();
      LocalNotifier.awaitRunning(service.kafkaStreams());
      return new BenchSystem("real", stack, config, config.topics(), out, stop);
    } catch (RuntimeException e) {
      stop.run();
      throw e;
    }
  }

  /** Backlogs of {@code roundEvents} until the JIT compiler settles, at most maxRounds. */
  void warmUp(final long roundEvents, final int maxRounds) {
    for (int round = 1; round <= maxRounds; round++) {
      final CpuUse before = CpuUse.now();
      final LoadPhase.Result result = phase(roundEvents, 0);
      final CpuUse.Share cpu = CpuUse.now().since(before);
      out.printf(
          "  %s warm-up round %d: %.1f notifications/s, JIT compiler %.0f%% of the cores%n",
          name, round, result.perSecond(), 100 * cpu.jitCompiler());
      out.flush();
      if (cpu.jitCompiler() < JIT_SETTLED) {
        return;
      }
    }
  }

  /** A backlog of {@code events} published at once: terminal records per second. */
  Reading throughput(final long events) {
    final long requestsBefore = stack.simulator().totalRequests();
    final CpuUse before = CpuUse.now();
    final ThreadCpu threadsBefore = ThreadCpu.now();
    final LoadPhase.Result result = phase(events, 0);
    final ThreadCpu threadsAfter = ThreadCpu.now();
    final CpuUse.Share cpu = CpuUse.now().since(before);
    final CpuBreakdown threads =
        CpuBreakdown.of(
            threadsAfter.since(threadsBefore, applicationId),
            threadsAfter.wallNanosSince(threadsBefore),
            result.finished(),
            stack.simulator().totalRequests() - requestsBefore,
            Runtime.getRuntime().availableProcessors());
    out.printf(
        "  %s throughput: %.1f notifications/s (%d events), CPU %.0f%% of the cores"
            + " (JIT compiler %.0f%%)%n",
        name, result.perSecond(), events, 100 * cpu.process(), 100 * cpu.jitCompiler());
    out.flush();
    return new Reading(result, cpu, threads);
  }

  /** Events published at {@code rate} for about {@code duration}: event-to-done latency. */
  LoadPhase.Result latency(final double rate, final Duration duration) {
    final long events = Math.max(20, (long) (rate * duration.toSeconds()));
    final LoadPhase.Result result = phase(events, rate);
    out.printf(
        "  %s latency at %.1f/s: p50 %d ms, p99 %d ms%n",
        name, rate, result.p50Ms(), result.p99Ms());
    out.flush();
    return result;
  }

  /** Peak used heap of the whole JVM since this system started. */
  long peakHeapMiB() {
    return heap.peakMiB();
  }

  @Override
  public void close() {
    try {
      stop.run();
    } finally {
      publisher.close();
      heap.close();
    }
  }

  private LoadPhase.Result phase(final long events, final double rate) {
    return LoadPhase.run(
        publisher,
        () -> new TerminalRecords(stack.bootstrapServers(), registry, topics, true),
        // Fresh payment ids for every phase: a repeated id would be deduplicated, not notified.
        new PaymentSamples(PaymentSamples.runPrefix(name), 0.2, System.nanoTime()),
        events,
        rate,
        PHASE_TIMEOUT);
  }

  private static NotifierConfig config(final EmbeddedStack stack, final String applicationId) {
    return new NotifierConfig(LocalNotifier.settings(stack, applicationId));
  }

  private static void createTopics(final EmbeddedStack stack, final Topics topics)
      throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(topics.input(), topics.done(), topics.dlq()).stream()
                  .map(t -> new NewTopic(t, PARTITIONS, (short) 1))
                  .toList())
          .all()
          .get();
    }
  }
}
