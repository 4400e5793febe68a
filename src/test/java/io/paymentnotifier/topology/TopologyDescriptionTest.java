package io.paymentnotifier.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopologyDescriptionTest {

  /**
   * Store and processor names end up in changelog topics and metrics: a rename must be a reviewed
   * change of src/test/resources/topology.txt, never an accident.
   */
  @Test
  void shouldMatchTheReviewedTopologyDescription() throws IOException {
    // given
    final String golden;
    try (InputStream in = getClass().getResourceAsStream("/topology.txt")) {
      assertThat(in).as("src/test/resources/topology.txt").isNotNull();
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // when
    final String described;
    try (TopologyHarness harness = new TopologyHarness()) {
      described = harness.topology().describe().toString();
    }
    // then: on a reviewed change, copy target/topology.actual.txt over the golden file
    if (!described.strip().equals(golden.strip())) {
      Files.writeString(Path.of("target", "topology.actual.txt"), described);
    }
    assertThat(described.strip()).isEqualTo(golden.strip());
  }
}
