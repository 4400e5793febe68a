package io.paymentnotifier.service;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.DeadLetter;
import io.paymentnotifier.events.DeadLetterReason;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.PaymentFinalized;
import io.paymentnotifier.events.PaymentResult;
import io.paymentnotifier.simulator.Latency;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.OutputTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class NotificationFlowIT {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationFlowIT.class);
  private static final Duration PATIENCE = Duration.ofSeconds(150);

  private static final SimulatorFaults FAULT_MIX =
      SimulatorFaults.builder()
          .latency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(20)))
          .unknownRate(0.08)
          .failCode("PROCESS_FAIL", 0.03)
          .http503Rate(0.08)
          .noAnswerRate(0.02)
          .noAnswerHold(Duration.ofMillis(1_200))
          .dropRate(0.01)
          .build();

  @Test
  void shouldEndEveryEventInExactlyOneTerminalRecordUnderAFaultMix() {
    try (NotifierStack stack = new NotifierStack(FAULT_MIX);
        NotifierService service = stack.newService();
        OutputTopics outputs = stack.outputs()) {
      // given
      final List<String> ids = ids("mix", 2_000);
      service.start();
      final long t0 = System.nanoTime();
      // when
      stack.publish(ids.stream().map(id -> aPayment(id).build()).toList());
      // then
      assertThat(outputs.readUntil(() -> outputs.terminal() >= ids.size(), PATIENCE)).isTrue();
      final long wallMs = (System.nanoTime() - t0) / 1_000_000;
      outputs.drain(Duration.ofSeconds(2));
      assertExactlyOneTerminalEach(ids, outputs, stack);
      assertThat(outputs.deadLetters)
          .allSatisfy(d -> assertThat(d.getReason()).isEqualTo(DeadLetterReason.REJECTED));
      assertThat(outputs.retries).isNotEmpty();
      report("fault mix", ids.size(), wallMs, outputs, stack);
    }
  }

  @Test
  void shouldKeepTheInvariantsWhenAnInstanceStopsMidRunAndAnotherTakesOver() {
    final SimulatorFaults slowAndFlaky =
        FAULT_MIX.toBuilder()
            .latency(Latency.uniform(Duration.ofMillis(50), Duration.ofMillis(250)))
            .build();
    try (NotifierStack stack = new NotifierStack(slowAndFlaky);
        OutputTopics outputs = stack.outputs()) {
      // given
      final List<String> ids = ids("takeover", 1_000);
      final NotifierService first = stack.newService();
      first.start();
      final long t0 = System.nanoTime();
      stack.publish(ids.stream().map(id -> aPayment(id).build()).toList());
      assertThat(outputs.readUntil(() -> outputs.terminal() >= 150, PATIENCE)).isTrue();
      // when: stop without letting the calls in flight finish
      final int cutOff = first.inFlightCalls().unsettled();
      first.close(Duration.ZERO);
      final int terminalAtStop = outputs.terminal();
      try (NotifierService second = stack.newService()) {
        second.start();
        // then
        assertThat(outputs.readUntil(() -> outputs.terminal() >= ids.size(), PATIENCE)).isTrue();
        final long wallMs = (System.nanoTime() - t0) / 1_000_000;
        outputs.drain(Duration.ofSeconds(3));
        assertExactlyOneTerminalEach(ids, outputs, stack);
        LOG.info(
            "IT takeover: {} calls in flight at the stop, {} terminal records before it",
            cutOff,
            terminalAtStop);
        report("takeover", ids.size(), wallMs, outputs, stack);
      }
    }
  }

  @Test
  void shouldDeadLetterPoisonAndInvalidEventsAndKeepProcessing() {
    try (NotifierStack stack = new NotifierStack(SimulatorFaults.none());
        NotifierService service = stack.newService();
        OutputTopics outputs = stack.outputs()) {
      // given
      service.start();
      final List<String> valid = ids("good", 40);
      final List<PaymentFinalized> events = new ArrayList<>();
      valid.forEach(id -> events.add(aPayment(id).build()));
      final PaymentResult unfinished =
          PaymentResult.newBuilder().setResultStatus("U").setResultCode("PENDING").build();
      ids("invalid", 5)
          .forEach(id -> events.add(aPayment(id).setPaymentResult(unfinished).build()));
      // when
      ids("poison", 5)
          .forEach(id -> stack.publishRaw(id, ("not avro " + id).getBytes(StandardCharsets.UTF_8)));
      stack.publish(events);
      // then
      assertThat(outputs.readUntil(() -> outputs.terminal() >= 50, PATIENCE)).isTrue();
      outputs.drain(Duration.ofSeconds(1));
      assertThat(outputs.done)
          .extracting(NotificationDone::getPaymentRequestId)
          .containsExactlyInAnyOrderElementsOf(valid);
      final Map<DeadLetterReason, List<DeadLetter>> byReason =
          outputs.deadLetters.stream().collect(Collectors.groupingBy(DeadLetter::getReason));
      assertThat(byReason.get(DeadLetterReason.UNDESERIALIZABLE))
          .hasSize(5)
          .allSatisfy(d -> assertThat(d.getRawValue()).isNotNull());
      assertThat(byReason.get(DeadLetterReason.INVALID_EVENT))
          .hasSize(5)
          .allSatisfy(d -> assertThat(d.getDetail()).startsWith("paymentResult.resultStatus"));
      assertThat(stack.simulator.stats().totalRequests()).isEqualTo(40);
    }
  }

  private static List<String> ids(final String prefix, final int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  private static void assertExactlyOneTerminalEach(
      final List<String> ids, final OutputTopics outputs, final NotifierStack stack) {
    final List<String> terminal = new ArrayList<>();
    outputs.done.forEach(d -> terminal.add(d.getPaymentRequestId()));
    outputs.deadLetters.forEach(d -> terminal.add(d.getPaymentRequestId()));
    final Map<String, Long> perId =
        terminal.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(perId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(perId).allSatisfy((id, n) -> assertThat(n).as("terminal records of %s", id).isOne());
    final var stats = stack.simulator.stats();
    assertThat(ids).allSatisfy(id -> assertThat(stats.requestsFor(id)).as(id).isPositive());
  }

  private static void report(
      final String name,
      final int events,
      final long wallMs,
      final OutputTopics outputs,
      final NotifierStack stack) {
    final var stats = stack.simulator.stats();
    LOG.info(
        "IT {}: events={} wall={}ms done={} dlq={} retryRecords={} simulatorRequests={}"
            + " requestsPerPayment={} answers={}",
        name,
        events,
        wallMs,
        outputs.done.size(),
        outputs.deadLetters.size(),
        outputs.retries.size(),
        stats.totalRequests(),
        String.format("%.2f", stats.totalRequests() / (double) events),
        stats.answers());
  }
}
