package io.paymentnotifier.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreMetricsTest {

  private static final TopicPartition DONE_0 = new TopicPartition("app-done-store-changelog", 0);
  private static final TopicPartition DONE_1 = new TopicPartition("app-done-store-changelog", 1);
  private static final TopicPartition IN_FLIGHT_0 =
      new TopicPartition("app-in-flight-store-changelog", 0);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLong nanos = new AtomicLong();
  private final RestoreMetrics restores = new RestoreMetrics(registry, nanos::get);

  @Test
  void shouldCountRestoredRecordsAndSecondsByStore() {
    // given
    restores.onRestoreStart(DONE_0, "done-store", 100, 400);
    restores.onRestoreStart(DONE_1, "done-store", 0, 50);
    restores.onRestoreStart(IN_FLIGHT_0, "in-flight-store", 10, 20);

    // when
    restores.onBatchRestored(DONE_0, "done-store", 249, 150);
    restores.onBatchRestored(DONE_0, "done-store", 399, 150);
    restores.onBatchRestored(DONE_1, "done-store", 49, 50);
    restores.onBatchRestored(IN_FLIGHT_0, "in-flight-store", 19, 10);
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1500));
    restores.onRestoreEnd(DONE_0, "done-store", 300);
    restores.onRestoreEnd(DONE_1, "done-store", 50);
    restores.onRestoreEnd(IN_FLIGHT_0, "in-flight-store", 10);

    // then
    assertThat(registry.scrape())
        .contains("notifier_restore_records_total{store=\"done-store\"} 350.0")
        .contains("notifier_restore_records_total{store=\"in-flight-store\"} 10.0")
        .contains("notifier_restore_seconds_total{store=\"done-store\"} 3.0")
        .contains("notifier_restore_seconds_total{store=\"in-flight-store\"} 1.5")
        .contains("notifier_restores_active 0.0")
        .contains("notifier_restore_remaining_records 0.0");
  }

  @Test
  void shouldShowARestoreRunningAndWhatIsLeftOfIt() {
    // given
    restores.onRestoreStart(DONE_0, "done-store", 100, 400);
    restores.onRestoreStart(IN_FLIGHT_0, "in-flight-store", 10, 20);

    // when
    restores.onBatchRestored(DONE_0, "done-store", 249, 150);

    // then: 150 of done-store's 300 and all 10 of in-flight-store's are left
    assertThat(registry.scrape())
        .contains("notifier_restores_active 2.0")
        .contains("notifier_restore_remaining_records 160.0");
  }

  @Test
  void shouldEndARestoreThatIsSuspendedByARebalance() {
    // given
    restores.onRestoreStart(DONE_0, "done-store", 0, 1000);
    restores.onBatchRestored(DONE_0, "done-store", 99, 100);

    // when
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(250));
    restores.onRestoreSuspended(DONE_0, "done-store", 100);

    // then
    assertThat(registry.scrape())
        .contains("notifier_restores_active 0.0")
        .contains("notifier_restore_records_total{store=\"done-store\"} 100.0")
        .contains("notifier_restore_seconds_total{store=\"done-store\"} 0.25");
  }

  @Test
  void shouldExposeEveryDocumentedRestoreMetricName() {
    // given
    restores.onRestoreStart(DONE_0, "done-store", 0, 10);
    restores.onBatchRestored(DONE_0, "done-store", 9, 10);
    restores.onRestoreEnd(DONE_0, "done-store", 10);

    // when
    final String scrape = registry.scrape();

    // then
    assertThat(MetricNames.RESTORE_PROMETHEUS_NAMES)
        .allSatisfy(name -> assertThat(scrape).contains("\n" + name));
  }

  @Test
  void shouldLogEachStorePartitionsRestoreWithItsRecordsAndSeconds() {
    try (LogCapture log = new LogCapture(RestoreMetrics.class.getName())) {
      // when
      restores.onRestoreStart(DONE_0, "done-store", 100, 400);
      restores.onBatchRestored(DONE_0, "done-store", 399, 300);
      nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1200));
      restores.onRestoreEnd(DONE_0, "done-store", 300);

      // then
      assertThat(log.events()).hasSize(2);
      final ILoggingEvent finished = log.events().get(1);
      assertThat(LogCapture.render(log.events().get(0), "text"))
          .contains("State restore started")
          .contains("store=\"done-store\"")
          .contains("fromOffset=\"100\"")
          .contains("toOffset=\"400\"");
      assertThat(LogCapture.render(finished, "text"))
          .contains("State restore finished")
          .contains("changelog=\"app-done-store-changelog-0\"")
          .contains("records=\"300\"")
          .contains("seconds=\"1.200\"");
    }
  }
}
