package io.paymentnotifier.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestoreSpanTest {

  @Test
  void shouldSpanFromTheFirstRestoreStartedToTheLastFinished() {
    // given
    final String log =
        String.join(
            "\n",
            "2026-12-01T09:32:07.826Z INFO  [main] o.a.k.s.KafkaStreams - starting",
            "2026-12-01T09:32:09.100Z INFO  [x-StateUpdater-1] i.p.ops.RestoreMetrics - State"
                + " restore started store=\"done-store\"",
            "2026-12-01T09:32:09.200Z INFO  [x-StateUpdater-1] i.p.ops.RestoreMetrics - State"
                + " restore started store=\"in-flight-store\"",
            "2026-12-01T09:32:10.000Z INFO  [x-StateUpdater-1] i.p.ops.RestoreMetrics - State"
                + " restore finished store=\"in-flight-store\"",
            "2026-12-01T09:32:11.350Z INFO  [x-StateUpdater-1] i.p.ops.RestoreMetrics - State"
                + " restore finished store=\"done-store\"");
    // when / then
    assertThat(RestoreSpan.of(log)).isEqualTo(Duration.ofMillis(2250));
  }

  @Test
  void shouldBeZeroWithoutARestore() {
    assertThat(RestoreSpan.of("2026-12-01T09:32:07.826Z INFO  [main] starting\n"))
        .isEqualTo(Duration.ZERO);
  }
}
