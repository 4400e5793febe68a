package io.paymentnotifier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermittedRateTest {

  private static final double OFFERED = 1000;

  @Test
  void shouldLetEveryCallThroughWhileTheHostAsksForNothing() {
    // given
    final Host host = new Host(OverloadSettings.defaults());

    // when
    final Tally tally = host.offer(OFFERED, 2, call -> false);

    // then
    assertThat(tally.sent).isEqualTo(2000);
    assertThat(host.rate.limiting()).isFalse();
    assertThat(host.rate.permitted()).isInfinite();
  }

  @Test
  void shouldKeepToTheConfiguredMaximum() {
    // given
    final Host host = new Host(OverloadSettings.defaults().withMaxRequestsPerSecond(50));

    // when
    final Tally tally = host.offer(OFFERED, 4, call -> false);

    // then: 50 a second, plus a tenth of a second's burst at most
    assertThat(tally.sent).isBetween(195L, 206L);
    assertThat(host.rate.limiting()).isFalse();
  }

  @Test
  void shouldLowerTheRateWhenAShareOfCallsIsTrafficLimitedWithoutCollapsing() {
    // given
    final Host host = new Host(OverloadSettings.defaults());

    // when: 30% of the calls answered REQUEST_TRAFFIC_EXCEED_LIMIT, whatever the rate
    host.offer(OFFERED, 15, call -> call % 10 < 3);
    final Tally settled = host.offer(OFFERED, 5, call -> call % 10 < 3);

    // then: far below what was offered and sent before, far above the floor of 1/s
    assertThat(settled.perSecond()).isBetween(60.0, 250.0);
    assertThat(host.rate.limiting()).isTrue();
    assertThat(host.rate.permitted()).isBetween(60.0, 250.0);
  }

  @Test
  void shouldJudgeTrafficLimitsByTheRateSentBeforeThemWhenTheNextBacklogStartsSlowly() {
    // given: a backlog sent freely, then nothing for 5 s
    final Host host = new Host(OverloadSettings.defaults());
    host.offer(OFFERED, 2, call -> false);
    host.now += 5_000;

    // when: the next backlog, slow for its first second, meets traffic limits on 30% of the calls
    host.offer(OFFERED / 10, 1, call -> call % 10 < 3);
    host.offer(OFFERED, 15, call -> call % 10 < 3);
    final Tally settled = host.offer(OFFERED, 5, call -> call % 10 < 3);

    // then: as without the quiet spell
    assertThat(settled.perSecond()).isBetween(60.0, 250.0);
  }

  @Test
  void shouldNotTakeALoneTrafficLimitAmongFewAnswersForAFullShare() {
    // given: a host limiting a third of the calls, once at full load
    final Host host = new Host(OverloadSettings.defaults());
    host.offer(OFFERED, 10, call -> call % 3 == 0);
    final double atLoad = host.rate.permitted();

    // when: a call comes now and then
    final Tally few = host.offer(1.5, 30, call -> call % 3 == 0);

    // then: judged over enough answers, the rate is what was sent plus the step, not the floor
    assertThat(few.lowestPermitted).isGreaterThan(atLoad / 4);
  }

  @Test
  void shouldSettleJustAboveAHardQuota() {
    // given: a host that takes 300 calls a second and limits the rest
    final Host host = new Host(OverloadSettings.defaults());
    final Quota quota = new Quota(host, 300);

    // when
    host.offer(OFFERED, 20, quota::exceeded);
    final Tally settled = host.offer(OFFERED, 5, quota::exceeded);

    // then: the quota is used, and most calls fit in it
    assertThat(settled.perSecond() - settled.limitedPerSecond()).isGreaterThan(270.0);
    assertThat(settled.perSecond()).isLessThan(450.0);
    assertThat(settled.limited).isLessThan(settled.sent / 4);
  }

  @Test
  void shouldLiftTheLimitOnceTrafficLimitsStop() {
    // given
    final Host host = new Host(OverloadSettings.defaults());
    host.offer(OFFERED, 10, call -> call % 10 < 3);

    // when
    host.offer(OFFERED, 15, call -> false);

    // then
    assertThat(host.rate.limiting()).isFalse();
    assertThat(host.rate.permitted()).isInfinite();
  }

  @Test
  void shouldNeverGoBelowTheFloorWhenEveryCallIsLimited() {
    // given
    final OverloadSettings settings = OverloadSettings.defaults();
    final Host host = new Host(settings);

    // when
    host.offer(OFFERED, 10, call -> true);
    final Tally floor = host.offer(OFFERED, 10, call -> true);

    // then
    assertThat(host.rate.permitted()).isEqualTo(settings.minRequestsPerSecond());
    assertThat(floor.sent).isBetween(9L, 12L);
  }

  @Test
  void shouldStartLowAndDoubleWhenTheHostAnswersAgainAfterAnOutage() {
    // given
    final Host host = new Host(OverloadSettings.defaults());
    host.offer(OFFERED, 1, call -> false);

    // when
    host.rate.recovering(host.now);
    final Tally first = host.offer(OFFERED, 1, call -> false);
    final double afterOneSecond = host.rate.permitted();
    host.offer(OFFERED, 5, call -> false);

    // then
    assertThat(first.sent).isLessThan(25);
    assertThat(afterOneSecond)
        .isBetween(2 * PermittedRate.SLOW_START_RATE, 4 * PermittedRate.SLOW_START_RATE);
    assertThat(host.rate.limiting()).isFalse();
  }

  @Test
  void shouldOnlyCapWhenOverloadControlIsOff() {
    // given
    final Host host =
        new Host(
            new OverloadSettings(
                false,
                100,
                50,
                20,
                3,
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(5),
                1.0));

    // when
    final Tally tally = host.offer(OFFERED, 3, call -> true);

    // then
    assertThat(tally.perSecond()).isBetween(95.0, 105.0);
    assertThat(host.rate.limiting()).isFalse();
  }

  /** Calls offered each millisecond of simulated time, each answered at once. */
  private static final class Host {
    final PermittedRate rate;
    long now = 1_000_000;
    private long offeredCalls;

    Host(final OverloadSettings settings) {
      rate = new PermittedRate(settings, now);
    }

    Tally offer(final double perSecond, final int seconds, final Limits limits) {
      final Tally tally = new Tally(seconds);
      double due = 0;
      for (long end = now + seconds * 1000L; now < end; now++) {
        for (due += perSecond / 1000; due >= 1; due--) {
          if (rate.tryTake(now)) {
            final boolean limited = limits.limited(offeredCalls++);
            tally.sent++;
            tally.limited += limited ? 1 : 0;
            rate.answered(limited, now);
          }
        }
        tally.lowestPermitted = Math.min(tally.lowestPermitted, rate.permitted());
      }
      return tally;
    }
  }

  /** Whether the host answers the n-th call sent with a traffic limit. */
  @FunctionalInterface
  private interface Limits {
    boolean limited(long call);
  }

  /** A host that takes so many calls per wall-clock second and limits the rest. */
  private static final class Quota {
    private final Host host;
    private final int perSecond;
    private long second = -1;
    private int taken;

    Quota(final Host host, final int perSecond) {
      this.host = host;
      this.perSecond = perSecond;
    }

    boolean exceeded(final long call) {
      if (host.now / 1000 != second) {
        second = host.now / 1000;
        taken = 0;
      }
      return ++taken > perSecond;
    }
  }

  private static final class Tally {
    final int seconds;
    long sent;
    long limited;
    double lowestPermitted = Double.POSITIVE_INFINITY;

    Tally(final int seconds) {
      this.seconds = seconds;
    }

    double perSecond() {
      return sent / (double) seconds;
    }

    double limitedPerSecond() {
      return limited / (double) seconds;
    }
  }
}
