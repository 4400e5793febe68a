package io.paymentnotifier.service;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paymentnotifier.notify.HostState;
import io.paymentnotifier.notify.HostStatus;
import io.paymentnotifier.ops.MetricNames;
import io.paymentnotifier.ops.MetricsObserver;
import io.paymentnotifier.simulator.Outage;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.OutputTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Overload control on the real broker against the real simulator: an Alipay+ outage is not hammered
 * and costs nothing (no fencing, no lost or repeated terminal record, no dead letter), and traffic
 * limits lower the call rate while every payment still ends done.
 */
class OverloadControlIT {

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(OverloadControlIT.class);

  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  /** What Kafka logs when a transaction times out, a producer is fenced or a task corrupted. */
  private static final List<String> TRANSACTION_TROUBLE =
      List.of("corrupted", "fenced", "migrated", "epoch", "abort");

  private final ListAppender<ILoggingEvent> kafkaLog = new ListAppender<>();
  private final Logger kafkaLogger = (Logger) LoggerFactory.getLogger("org.apache.kafka");

  @BeforeEach
  void watchKafkaWarnings() {
    kafkaLog.setContext(kafkaLogger.getLoggerContext());
    kafkaLog.start();
    kafkaLogger.addAppender(kafkaLog);
  }

  @AfterEach
  void stopWatching() {
    kafkaLogger.detachAppender(kafkaLog);
    kafkaLog.stop();
  }

  @Test
  void shouldHoldCallsThroughAnOutageWithoutFencingLosingOrRepeatingAnyPayment() {
    // given: transactions time out after 5 s, half the outage: a stream thread blocked while its
    // calls are held would be fenced
    try (NotifierStack stack =
            new NotifierStack(SimulatorFaults.none())
                .with("notify.max.in.flight", "32")
                .with("kafka.producer.transaction.timeout.ms", "5000")
                .with("retry.backoff", "1s,2s")
                .with("retry.max.age", "10m");
        OutputTopics outputs = stack.outputs()) {
      final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      final MetricsObserver observer = new MetricsObserver(metrics);
      final NotifierService service = stack.newService(observer);
      observer.overloadControl(service.overloadControl());
      final List<KafkaStreams.State> states = watchStates(service);
      final List<String> ids = ids("outage", 2_000);
      try (service) {
        service.start();
        await().atMost(PATIENCE).until(() -> states.contains(KafkaStreams.State.RUNNING));
        stack.publish(ids.stream().map(id -> aPayment(id).build()).toList());
        await().atMost(PATIENCE).until(() -> stack.simulator.stats().totalRequests() >= 300);

        // when
        final int statesBefore = states.size();
        stack.simulator.faults(
            SimulatorFaults.builder().outage(Outage.startingNow(OUTAGE)).build());
        await().atMost(OUTAGE).until(() -> hostState(service) == HostState.UNAVAILABLE);
        final double heldDuringOutage = heldBack(metrics);
        await().pollDelay(OUTAGE).atMost(PATIENCE).until(() -> !hostState(service).failing());

        // then: the outage drew a few calls (the first ones and the probes); the rest were held
        final long intoTheOutage = stack.simulator.stats().answered("HTTP 503");
        LOG.info(
            "IT outage of {} s: {} requests into it, {} calls held back",
            OUTAGE.toSeconds(),
            intoTheOutage,
            heldBack(metrics));
        assertThat(intoTheOutage).isBetween(1L, 150L);
        assertThat(heldDuringOutage).isPositive();

        // and every payment still ends done, exactly once, with no fencing or corrupted task
        assertThat(outputs.readUntil(() -> outputs.terminal() >= ids.size(), PATIENCE)).isTrue();
        outputs.drain(Duration.ofSeconds(2));
        assertThat(terminalsPerId(outputs))
            .hasSize(ids.size())
            .allSatisfy((id, n) -> assertThat(n).isOne());
        assertThat(outputs.deadLetters).isEmpty();
        assertThat(states.subList(statesBefore, states.size())).isEmpty();
        assertThat(kafkaTrouble()).isEmpty();
        assertThat(hostState(service)).isIn(HostState.AVAILABLE, HostState.LIMITED);
        assertThat(service.inFlightCalls().held()).isZero();
      }
    }
  }

  @Test
  void shouldLowerTheCallRateWhenAlipayLimitsTrafficAndStillFinishEveryPayment() {
    try (NotifierStack stack = new NotifierStack(SimulatorFaults.none());
        OutputTopics outputs = stack.outputs()) {
      final NotifierService service = stack.newService(null);
      try (service) {
        service.start();
        // given: the rate a backlog is sent at while Alipay+ takes everything, once warm (a cold
        // JVM's first backlog runs at a fraction of it and would make any rate look lowered)
        final List<String> warmUp = ids("warm-up", 1_000);
        requestsPerSecond(stack, outputs, warmUp, 0);
        final List<String> free = ids("free", 1_000);
        final double freeRate = requestsPerSecond(stack, outputs, free, warmUp.size());

        // when: Alipay+ answers REQUEST_TRAFFIC_EXCEED_LIMIT to 30% of the calls
        stack.simulator.faults(
            SimulatorFaults.builder().failCode("REQUEST_TRAFFIC_EXCEED_LIMIT", 0.3).build());
        final List<String> limited = ids("limited", 1_000);
        final List<HostStatus> samples = new CopyOnWriteArrayList<>();
        final Thread sampler = sampler(service, samples);
        final double limitedRate;
        try {
          limitedRate = requestsPerSecond(stack, outputs, limited, warmUp.size() + free.size());
        } finally {
          sampler.interrupt();
        }

        // then: the rate dropped, on the control's own decision, and nothing was lost
        final double lowest =
            samples.stream()
                .filter(s -> s.state() == HostState.LIMITED)
                .mapToDouble(HostStatus::permittedRate)
                .min()
                .orElseThrow();
        LOG.info(
            "IT traffic limits on 30% of calls: {} requests/s before, {} while limited, lowest"
                + " permitted rate {}/s",
            String.format("%.0f", freeRate),
            String.format("%.0f", limitedRate),
            String.format("%.1f", lowest));
        assertThat(lowest).isLessThan(freeRate / 2);
        assertThat(limitedRate).isLessThan(freeRate / 2);
        assertThat(outputs.done).hasSize(warmUp.size() + free.size() + limited.size());
        assertThat(outputs.deadLetters).isEmpty();
        assertThat(stack.simulator.stats().answered("F REQUEST_TRAFFIC_EXCEED_LIMIT")).isPositive();
      }
    }
  }

  /** Publishes a backlog and waits for it: simulator requests per second while it drained. */
  private static double requestsPerSecond(
      final NotifierStack stack,
      final OutputTopics outputs,
      final List<String> ids,
      final int doneBefore) {
    final long requestsBefore = stack.simulator.stats().totalRequests();
    final long start = System.nanoTime();
    stack.publish(ids.stream().map(id -> aPayment(id).build()).toList());
    assertThat(outputs.readUntil(() -> outputs.done.size() >= doneBefore + ids.size(), PATIENCE))
        .isTrue();
    final double seconds = (System.nanoTime() - start) / 1e9;
    return (stack.simulator.stats().totalRequests() - requestsBefore) / seconds;
  }

  private static Thread sampler(final NotifierService service, final List<HostStatus> samples) {
    final Thread thread =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                samples.addAll(service.overloadControl().hosts());
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "overload-sampler");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static List<KafkaStreams.State> watchStates(final NotifierService service) {
    final List<KafkaStreams.State> states = new CopyOnWriteArrayList<>();
    service.kafkaStreams().setStateListener((now, before) -> states.add(now));
    return states;
  }

  private static HostState hostState(final NotifierService service) {
    return service.overloadControl().hosts().get(0).state();
  }

  private static double heldBack(final SimpleMeterRegistry metrics) {
    return metrics.find(MetricNames.CALLS_HELD_BACK).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private List<String> kafkaTrouble() {
    return kafkaLog.list.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(
            e ->
                e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : " " + e.getThrowableProxy().getClassName()))
        .filter(m -> TRANSACTION_TROUBLE.stream().anyMatch(m.toLowerCase()::contains))
        .toList();
  }

  private static Map<String, Long> terminalsPerId(final OutputTopics outputs) {
    final List<String> terminal = new ArrayList<>();
    outputs.done.forEach(d -> terminal.add(d.getPaymentRequestId()));
    outputs.deadLetters.forEach(d -> terminal.add(d.getPaymentRequestId()));
    return terminal.stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static List<String> ids(final String prefix, final int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
  }
}
