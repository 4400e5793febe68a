package io.paymentnotifier.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyTest {

  private final SplittableRandom random = new SplittableRandom(42);

  @Test
  void shouldParseEveryShape() {
    assertThat(Latency.parse("0")).isEqualTo(Latency.none());
    assertThat(Latency.parse("50ms")).isEqualTo(Latency.fixed(Duration.ofMillis(50)));
    assertThat(Latency.parse("uniform:10ms-80ms"))
        .isEqualTo(Latency.uniform(Duration.ofMillis(10), Duration.ofMillis(80)));
    assertThat(Latency.parse("longtail:20ms-1s"))
        .isEqualTo(Latency.longTail(Duration.ofMillis(20), Duration.ofSeconds(1)));
  }

  @Test
  void shouldRejectUnknownShapesAndReversedBounds() {
    assertThatThrownBy(() -> Latency.parse("gauss:1ms-2ms"))
        .hasMessageContaining("uniform or longtail");
    assertThatThrownBy(() -> Latency.parse("uniform:80ms-10ms")).hasMessageContaining("below min");
  }

  @Test
  void shouldDrawUniformDelaysWithinBounds() {
    // given
    final Latency uniform = Latency.uniform(Duration.ofMillis(10), Duration.ofMillis(20));
    // when / then
    for (int i = 0; i < 1000; i++) {
      assertThat(uniform.sample(random)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
    }
  }

  @Test
  void shouldDrawLongTailWithTheConfiguredMedianAndP99() {
    // given
    final Latency tail = Latency.longTail(Duration.ofMillis(20), Duration.ofMillis(500));
    // when
    final long[] millis = new long[20_000];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = tail.sample(random).toMillis();
    }
    Arrays.sort(millis);
    // then
    assertThat(millis[millis.length / 2]).isBetween(17L, 23L);
    assertThat(millis[(int) (millis.length * 0.99)]).isBetween(400L, 620L);
    assertThat(millis[millis.length - 1]).isLessThanOrEqualTo(5000L);
  }
}
