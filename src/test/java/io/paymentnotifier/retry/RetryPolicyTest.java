package io.paymentnotifier.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paymentnotifier.config.NotifierConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant FIRST = Instant.parse("2026-03-01T10:00:00Z");
  private static final List<Duration> LADDER =
      List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1));

  @Test
  void shouldWaitEachLadderStepInTurnThenRepeatTheLast() {
    // given
    final RetryPolicy policy = new RetryPolicy(LADDER, 0.0, Duration.ofDays(1), 0, () -> 0.9);
    // when / then
    assertThat(policy.nextDue(1, FIRST, FIRST)).contains(FIRST.plusSeconds(10));
    assertThat(policy.nextDue(2, FIRST, FIRST)).contains(FIRST.plusSeconds(30));
    assertThat(policy.nextDue(3, FIRST, FIRST)).contains(FIRST.plusSeconds(60));
    assertThat(policy.nextDue(9, FIRST, FIRST)).contains(FIRST.plusSeconds(60));
  }

  @Test
  void shouldSpreadEachWaitByAtMostTheJitterFraction() {
    // given
    final RetryPolicy lowest = new RetryPolicy(LADDER, 0.2, Duration.ofDays(1), 0, () -> 0.0);
    final RetryPolicy highest = new RetryPolicy(LADDER, 0.2, Duration.ofDays(1), 0, () -> 0.999999);
    // when / then
    assertThat(lowest.nextDue(1, FIRST, FIRST)).contains(FIRST.plusSeconds(8));
    assertThat(highest.nextDue(1, FIRST, FIRST)).contains(FIRST.plusSeconds(12));
  }

  @Test
  void shouldGiveUpWhenTheNextAttemptWouldBeLaterThanTheMaximumAge() {
    // given
    final RetryPolicy policy = new RetryPolicy(LADDER, 0.0, Duration.ofMinutes(2), 0, () -> 0);
    // when / then
    assertThat(policy.nextDue(3, FIRST, FIRST.plusSeconds(60))).contains(FIRST.plusSeconds(120));
    assertThat(policy.nextDue(4, FIRST, FIRST.plusSeconds(61))).isEmpty();
    assertThat(policy.exhaustedReason(4)).contains("retry.max.age=2m");
  }

  @Test
  void shouldGiveUpAfterTheMaximumAttemptsWhenSet() {
    // given
    final RetryPolicy policy = new RetryPolicy(LADDER, 0.0, Duration.ofDays(1), 3, () -> 0);
    // when / then
    assertThat(policy.nextDue(2, FIRST, FIRST)).isPresent();
    assertThat(policy.nextDue(3, FIRST, FIRST)).isEmpty();
    assertThat(policy.exhaustedReason(3)).contains("retry.max.attempts=3");
  }

  @Test
  void shouldReadTheDefaultLadderOfTheConfig() {
    // given
    final NotifierConfig config =
        new NotifierConfig(
            Map.of(
                "kafka.bootstrap.servers", "localhost:9092",
                "schema.registry.url", "mock://x",
                "alipay.client.id", "c",
                "retry.jitter", "0"));
    // when
    final RetryPolicy policy = RetryPolicy.from(config);
    // then: 10s,30s,...,8h, then every 8h until 72h
    assertThat(policy.nextDue(1, FIRST, FIRST)).contains(FIRST.plusSeconds(10));
    assertThat(policy.nextDue(10, FIRST, FIRST)).contains(FIRST.plus(Duration.ofHours(8)));
    assertThat(policy.nextDue(20, FIRST, FIRST.plus(Duration.ofHours(65)))).isEmpty();
  }

  @Test
  void shouldRejectAnEmptyLadder() {
    assertThatThrownBy(() -> new RetryPolicy(List.of(), 0, Duration.ofHours(1), 0, () -> 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
