package io.paymentnotifier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.ops.MetricNames;
import io.paymentnotifier.ops.OpsServer;
import org.junit.jupiter.api.Test;

class ReadmeOperationsTest {

  private final String readme = DeployFiles.text(DeployFiles.file("README.md"));

  @Test
  void shouldPlaceTheOperationsSectionBeforeDevelopment() {
    // then
    assertThat(readme).contains("\n## Operations\n");
    assertThat(readme.indexOf("\n## Operations\n")).isLessThan(readme.indexOf("\n## Development"));
  }

  @Test
  void shouldListEveryServiceMetricInTheMetricsTable() {
    // then
    assertThat(MetricNames.PROMETHEUS_NAMES)
        .allSatisfy(name -> assertThat(readme).contains("| `" + name + "`"));
    assertThat(MetricNames.RESTORE_PROMETHEUS_NAMES)
        .allSatisfy(name -> assertThat(readme).contains("| `" + name + "`"));
  }

  @Test
  void shouldDocumentTheHealthEndpoints() {
    // then
    assertThat(readme)
        .contains("| `" + OpsServer.LIVE_PATH + "`")
        .contains("| `" + OpsServer.READY_PATH + "`")
        .contains("| `" + OpsServer.METRICS_PATH + "`");
  }
}
