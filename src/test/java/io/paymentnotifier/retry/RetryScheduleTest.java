package io.paymentnotifier.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.events.RetryScheduleEntry;
import io.paymentnotifier.topology.AvroStateSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final KeyValueStore<String, RetryScheduleEntry> store = store();
  private final RetrySchedule schedule = new RetrySchedule(store);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void shouldListTheDueRetriesEarliestFirstUntilEachIsRemoved() {
    // given
    schedule.add("p-late", T0.plusSeconds(30), 2, T0);
    schedule.add("p-early", T0.plusSeconds(10), 3, T0);
    schedule.add("p-now", T0.plusSeconds(20), 2, T0);
    // when
    final List<RetrySchedule.Due> due = schedule.due(T0.plusSeconds(20), 10);
    schedule.remove(due.get(1));
    // then: the one not removed (not released yet) stays due
    assertThat(due)
        .containsExactly(
            new RetrySchedule.Due("p-early", T0.plusSeconds(10)),
            new RetrySchedule.Due("p-now", T0.plusSeconds(20)));
    assertThat(schedule.due(T0.plusSeconds(20), 10))
        .containsExactly(new RetrySchedule.Due("p-early", T0.plusSeconds(10)));
    assertThat(schedule.contains("p-late", T0.plusSeconds(30))).isTrue();
    assertThat(schedule.contains("p-now", T0.plusSeconds(20))).isFalse();
  }

  @Test
  void shouldCountEveryWaitingRetryByAttemptWithTheOldestWaitingSince() {
    // given
    schedule.add("p-1", T0.plusSeconds(10), 2, T0.minusSeconds(5));
    schedule.add("p-2", T0.plusSeconds(20), 2, T0);
    schedule.add("p-3", T0.plusSeconds(5), 4, T0.minusSeconds(60));
    // when
    final Optional<WaitingRetries> counted = schedule.census().step(WaitingCensus.STEP_ENTRIES);
    // then
    assertThat(counted).contains(new WaitingRetries(Map.of(2, 2L, 4, 1L), T0.minusSeconds(60)));
  }

  @Test
  void shouldSpreadALargeCensusOverStepsOfBoundedSize() {
    // given
    for (int i = 0; i < 5; i++) {
      schedule.add("p-" + i, T0.plusSeconds(i), 2, T0);
    }
    final WaitingCensus census = schedule.census();
    // when
    final List<Optional<WaitingRetries>> steps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      steps.add(census.step(2));
    }
    // then: 2 + 2 + 1 entries make a pass; the next pass starts again from the first
    assertThat(steps.subList(0, 2)).containsOnly(Optional.empty());
    assertThat(steps.get(2)).contains(new WaitingRetries(Map.of(2, 5L), T0));
    assertThat(steps.get(3)).isEmpty();
  }

  @Test
  void shouldReportNoneWhenNothingWaits() {
    assertThat(schedule.census().step(WaitingCensus.STEP_ENTRIES)).contains(WaitingRetries.NONE);
  }

  private static KeyValueStore<String, RetryScheduleEntry> store() {
    final KeyValueStore<String, RetryScheduleEntry> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("schedule"),
                Serdes.String(),
                AvroStateSerde.of(RetryScheduleEntry.class))
            .withLoggingDisabled()
            .build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    return store;
  }
}
