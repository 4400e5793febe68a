package io.paymentnotifier.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.utils.internals.Exit;
import org.junit.jupiter.api.Test;

class KafkaExitGuardTest {

  @Test
  void shouldKeepTheTestJvmAliveWhenKafkaAsksToHaltIt() {
    // given: the guard the launcher session installed
    final int before = KafkaExitGuard.attempts();
    // when: what a broker's LogManager does when its log directory fails
    Exit.halt(1, "all log dirs have failed");
    Exit.exit(1);
    // then: still running, and both attempts were seen
    assertThat(KafkaExitGuard.attempts()).isEqualTo(before + 2);
  }
}
