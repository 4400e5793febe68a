package io.paymentnotifier.ops;

import static io.paymentnotifier.ops.OutcomeFixtures.aDone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.retry.WaitingRetries;
import io.paymentnotifier.topology.NotificationObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeObserverTest {

  private final List<String> seen = new ArrayList<>();

  @Test
  void shouldTellEveryObserverInOrder() {
    // given
    final NotificationObserver composite = CompositeObserver.of(recorder("a"), recorder("b"));

    // when
    composite.done(aDone("p-1", 1));
    composite.retryScheduled("p-2", 2, Instant.EPOCH);
    composite.retriesWaiting("0_1", WaitingRetries.NONE);

    // then
    assertThat(seen)
        .containsExactly(
            "a done p-1",
            "b done p-1",
            "a retry p-2",
            "b retry p-2",
            "a waiting 0_1",
            "b waiting 0_1");
  }

  @Test
  void shouldCarryOnWhenAnObserverThrows() {
    // given
    final NotificationObserver failing =
        new NotificationObserver() {
          @Override
          public void done(final NotificationDone done) {
            throw new IllegalStateException("metrics broke");
          }
        };
    final NotificationObserver composite = CompositeObserver.of(failing, recorder("b"));

    // when / then
    assertThatCode(() -> composite.done(aDone("p-1", 1))).doesNotThrowAnyException();
    assertThat(seen).containsExactly("b done p-1");
  }

  private NotificationObserver recorder(final String name) {
    return new NotificationObserver() {
      @Override
      public void done(final NotificationDone done) {
        seen.add(name + " done " + done.getPaymentRequestId());
      }

      @Override
      public void retryScheduled(final String id, final int attempt, final Instant due) {
        seen.add(name + " retry " + id);
      }

      @Override
      public void retriesWaiting(final String taskId, final WaitingRetries waiting) {
        seen.add(name + " waiting " + taskId);
      }
    };
  }
}
