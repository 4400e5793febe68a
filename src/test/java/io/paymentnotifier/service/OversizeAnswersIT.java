package io.paymentnotifier.service;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.events.NotifyAttempt;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.OutputTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers over http.max.answer.bytes on the real broker and simulator: each is cut off and retried
 * later, never taken as the acknowledgment its first bytes promise, and every payment still ends
 * done once.
 */
class OversizeAnswersIT {

  private static final Logger LOG = LoggerFactory.getLogger(OversizeAnswersIT.class);
  private static final Duration PATIENCE = Duration.ofSeconds(150);
  private static final String LIMIT_ERROR = "(http.max.answer.bytes)";
  private static final String TIMEOUT_ERROR = "no answer within the call timeout";

  @Test
  void shouldRetryEveryOversizeAnswerAndEndEveryPaymentDoneOnce() {
    final SimulatorFaults oversize =
        SimulatorFaults.builder().oversizeRate(0.2).oversizeChunkedRate(0.2).build();
    try (NotifierStack stack = new NotifierStack(oversize);
        NotifierService service = stack.newService();
        OutputTopics outputs = stack.outputs()) {
      // given
      final List<String> ids = IntStream.range(0, 500).mapToObj(i -> "oversize-" + i).toList();
      service.start();
      // when
      stack.publish(ids.stream().map(id -> aPayment(id).build()).toList());
      // then
      assertThat(outputs.readUntil(() -> outputs.done.size() >= ids.size(), PATIENCE)).isTrue();
      outputs.drain(Duration.ofSeconds(2));
      final Map<String, Long> donePerId = outputs.donePerId();
      assertThat(donePerId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(donePerId.values()).allMatch(n -> n == 1);
      assertThat(outputs.deadLetters).isEmpty();
      final var answers = stack.simulator.stats();
      final long cutOff =
          answers.answered("S SUCCESS (oversize)")
              + answers.answered("S SUCCESS (oversize, chunked)");
      final List<NotifyAttempt> failed =
          outputs.retries.stream().map(r -> r.getHistory().get(r.getHistory().size() - 1)).toList();
      final long cutOffAttempts =
          failed.stream().filter(a -> a.getError().contains(LIMIT_ERROR)).count();
      // cut-off answers were failed attempts (a loaded machine adds call timeouts, nothing else)
      assertThat(cutOff).isPositive();
      assertThat(cutOffAttempts).isPositive().isLessThanOrEqualTo(cutOff);
      assertThat(failed)
          .allSatisfy(a -> assertThat(a.getError()).containsAnyOf(LIMIT_ERROR, TIMEOUT_ERROR))
          .filteredOn(a -> a.getError().contains(LIMIT_ERROR))
          .allSatisfy(a -> assertThat(a.getHttpStatus()).isEqualTo(200));
      assertThat(outputs.done.stream().mapToLong(NotificationDone::getAttempts).sum())
          .isEqualTo(ids.size() + failed.size());
      LOG.info(
          "IT oversize answers: events={} done={} dlq={} cut off: {} with Content-Length, {}"
              + " chunked, {} attempts failed on the limit, {} on the call timeout;"
              + " simulatorRequests={} connectionsOpened={}",
          ids.size(),
          outputs.done.size(),
          outputs.deadLetters.size(),
          answers.answered("S SUCCESS (oversize)"),
          answers.answered("S SUCCESS (oversize, chunked)"),
          cutOffAttempts,
          failed.size() - cutOffAttempts,
          answers.totalRequests(),
          answers.connectionsOpened());
    }
  }
}
