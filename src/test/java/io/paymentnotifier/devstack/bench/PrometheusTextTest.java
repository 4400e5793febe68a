package io.paymentnotifier.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String SCRAPE =
      String.join(
          "\n",
          "# HELP notifier_restore_records_total Changelog records restored",
          "# TYPE notifier_restore_records_total counter",
          "notifier_restore_records_total{store=\"done-store\"} 350.0",
          "notifier_restore_records_total{store=\"in-flight-store\"} 10.0",
          "notifier_restore_records_total_created{store=\"done-store\"} 1.7E9",
          "notifier_restores_active 2.0",
          "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 1048576.0",
          "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 2097152.0",
          "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 9.9E7",
          "");

  @Test
  void shouldSumEverySampleOfAMetricWhateverItsLabels() {
    assertThat(PrometheusText.sum(SCRAPE, "notifier_restore_records_total")).isEqualTo(360.0);
    assertThat(PrometheusText.sum(SCRAPE, "notifier_restores_active")).isEqualTo(2.0);
  }

  @Test
  void shouldSumOnlyTheSamplesWithTheLabel() {
    assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes", "area=\"heap\""))
        .isEqualTo(3145728.0);
  }

  @Test
  void shouldReadZeroForAMetricTheScrapeDoesNotHave() {
    assertThat(PrometheusText.sum(SCRAPE, "notifier_restore_seconds_total")).isZero();
  }
}
