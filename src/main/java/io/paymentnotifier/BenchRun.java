package io.paymentnotifier;

import io.paymentnotifier.config.NotifierConfig;
import io.paymentnotifier.config.Topics;
import io.paymentnotifier.dev.BlockingBaseline;
import io.paymentnotifier.dev.CpuUse;
import io.paymentnotifier.dev.EmbeddedStack;
import io.paymentnotifier.dev.EventPublisher;
import io.paymentnotifier.dev.HeapSampler;
import io.paymentnotifier.dev.LoadPhase;
import io.paymentnotifier.dev.PaymentSamples;
import io.paymentnotifier.dev.TerminalRecords;
import io.paymentnotifier.notify.AlipaySettings;
import io.paymentnotifier.notify.HttpNotifyClient;
import io.paymentnotifier.notify.NotifyClient;
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
 * The baseline and real phases of the benchmark on one embedded stack: each gets a warm-up, a
 * throughput phase (a backlog published as fast as possible) and a latency phase (half that rate).
 */
final class BenchRun {

  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);
  private static final int PARTITIONS = 4;

  /**
   * Warm-up rounds end once the JIT compiler uses less than this share of the cores: the JVM runs
   * the broker, registry and simulator too, and compiling all of that took a third of both cores
   * during the first 20,000 notifications.
   */
  private static final double JIT_SETTLED = 0.05;

  /**
   * How to warm a system up before measuring it.
   *
   * @param roundEvents events per warm-up round
   * @param maxRounds rounds at most (0: no warm-up)
   */
  record WarmUp(long roundEvents, int maxRounds) {}

  private final EmbeddedStack stack;
  private final Duration latencyPhase;
  private final PrintWriter out;

  BenchRun(final EmbeddedStack stack, final Duration latencyPhase, final PrintWriter out) {
    this.stack = stack;
    this.latencyPhase = latencyPhase;
    this.out = out;
  }

  /** Phases of the blocking baseline; returns throughput, latency and peak heap. */
  Measured baseline(final WarmUp warmUp, final long events) throws Exception {
    final NotifierConfig config = config("bench-baseline");
    final Topics topics = Topics.defaults().withPrefix("baseline-");
    createTopics(topics);
    final Properties props = new Properties();
    props.putAll(config.kafkaProperties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-baseline");
    try (NotifyClient client = new HttpNotifyClient(AlipaySettings.from(config));
        KafkaStreams streams =
            new KafkaStreams(
                BlockingBaseline.build(topics, config.registryProperties(), client), props);
        HeapSampler heap = new HeapSampler()) {
      streams.start();
      LocalNotifier.awaitRunning(streams);
      return measure("baseline", topics, config, warmUp, events, heap);
    }
  }

  /** Phases of the notifier itself: the same NotifierService as {@code run}. */
  Measured real(final WarmUp warmUp, final long events) throws Exception {
    final NotifierConfig config = config("bench-real");
    final NotifierService service =
        new NotifierService(
            config, new HttpNotifyClient(AlipaySettings.from(config)), NotificationObserver.NONE);
    try (HeapSampler heap = new HeapSampler()) {
      service.start();
      LocalNotifier.awaitRunning(service.kafkaStreams());
      return measure("real", config.topics(), config, warmUp, events, heap);
    } finally {
      service.close(Duration.ofSeconds(10));
    }
  }

  private Measured measure(
      final String name,
      final Topics topics,
      final NotifierConfig config,
      final WarmUp warmUp,
      final long events,
      final HeapSampler heap) {
    final Map<String, Object> registry = config.registryProperties();
    try (EventPublisher publisher =
        new EventPublisher(
            Map.of("bootstrap.servers", stack.bootstrapServers()), registry, topics.input())) {
      for (int round = 1; round <= warmUp.maxRounds(); round++) {
        final CpuUse before = CpuUse.now();
        final LoadPhase.Result result =
            phase(publisher, topics, registry, name, warmUp.roundEvents(), 0);
        final CpuUse.Share cpu = CpuUse.now().since(before);
        out.printf(
            "  %s warm-up round %d: %.1f notifications/s, JIT compiler %.0f%% of the cores%n",
            name, round, result.perSecond(), 100 * cpu.jitCompiler());
        out.flush();
        if (cpu.jitCompiler() < JIT_SETTLED) {
          break;
        }
      }
      final CpuUse before = CpuUse.now();
      final LoadPhase.Result throughput = phase(publisher, topics, registry, name, events, 0);
      final CpuUse.Share cpu = CpuUse.now().since(before);
      out.printf(
          "  %s throughput phase: %.1f notifications/s (%d events), CPU %.0f%% of the cores"
              + " (JIT compiler %.0f%%)%n",
          name, throughput.perSecond(), events, 100 * cpu.process(), 100 * cpu.jitCompiler());
      final double halfRate = throughput.perSecond() / 2;
      final long latencyEvents = Math.max(20, (long) (halfRate * latencyPhase.toSeconds()));
      final LoadPhase.Result latency =
          phase(publisher, topics, registry, name, latencyEvents, halfRate);
      out.printf(
          "  %s latency phase at %.1f/s: p50 %d ms, p99 %d ms%n",
          name, halfRate, latency.p50Ms(), latency.p99Ms());
      out.flush();
      return new Measured(throughput, cpu, latency, heap.peakMiB());
    }
  }

  private LoadPhase.Result phase(
      final EventPublisher publisher,
      final Topics topics,
      final Map<String, Object> registry,
      final String name,
      final long events,
      final double rate) {
    return LoadPhase.run(
        publisher, () -> tracker(topics, registry), samples(name), events, rate, PHASE_TIMEOUT);
  }

  /** Fresh payment ids for every phase: a repeated id would be deduplicated, not notified. */
  private static PaymentSamples samples(final String name) {
    return new PaymentSamples(PaymentSamples.runPrefix(name), 0.2, System.nanoTime());
  }

  private TerminalRecords tracker(final Topics topics, final Map<String, Object> registry) {
    return new TerminalRecords(stack.bootstrapServers(), registry, topics, true);
  }

  private NotifierConfig config(final String applicationId) {
    return new NotifierConfig(LocalNotifier.settings(stack, applicationId));
  }

  private void createTopics(final Topics topics) throws Exception {
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

  /**
   * One system's phases.
   *
   * @param throughput the backlog phase
   * @param throughputCpu the JVM's CPU use during the backlog phase
   * @param latency the half-rate phase
   * @param peakHeapMiB peak used heap of the JVM meanwhile
   */
  record Measured(
      LoadPhase.Result throughput,
      CpuUse.Share throughputCpu,
      LoadPhase.Result latency,
      long peakHeapMiB) {}
}
