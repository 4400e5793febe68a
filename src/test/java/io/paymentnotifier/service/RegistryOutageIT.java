package io.paymentnotifier.service;

import static io.paymentnotifier.testing.Payments.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paymentnotifier.avro.InMemorySchemaRegistry;
import io.paymentnotifier.devstack.registry.SchemaRegistryServer;
import io.paymentnotifier.events.NotificationDone;
import io.paymentnotifier.simulator.SimulatorFaults;
import io.paymentnotifier.testing.OutputTopics;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An unreachable Schema Registry is waited out: nothing is dead-lettered, nothing is lost. */
class RegistryOutageIT {

  @Test
  void shouldWaitForTheRegistryAndDeadLetterNothingWhenItIsDownAtStart() {
    final InMemorySchemaRegistry schemas = new InMemorySchemaRegistry();
    final SchemaRegistryServer registry = new SchemaRegistryServer(0, schemas).start();
    final int port = registry.port();
    final Logger decoding =
        (Logger) LoggerFactory.getLogger("io.paymentnotifier.topology.Decoding");
    // Set here, not inherited: a command run earlier in this JVM (demo, bench) may have quietened
    // every logger to ERROR.
    final Level levelBefore = decoding.getLevel();
    decoding.setLevel(Level.WARN);
    final ListAppender<ILoggingEvent> registryWarnings = new ListAppender<>();
    registryWarnings.start();
    decoding.addAppender(registryWarnings);
    try (NotifierStack stack =
            new NotifierStack(SimulatorFaults.none()).withRegistry(registry.url());
        OutputTopics outputs = stack.outputs()) {
      // given: events in the input topic, then the registry goes away
      final List<String> ids = IntStream.range(0, 20).mapToObj(i -> "outage-" + i).toList();
      try (NotifierService service = stack.newService()) {
        service.start();
        stack.publish(ids.stream().map(id -> aPayment(id).build()).toList());
        registry.close();
        service.close(Duration.ZERO);
      }
      // when: a fresh instance (empty schema cache) starts while the registry is down
      try (NotifierService restarted = stack.newService()) {
        restarted.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> !registryWarnings.list.isEmpty());
        outputs.drain(Duration.ofSeconds(3));
        assertThat(outputs.terminal()).isZero();
        try (SchemaRegistryServer back = new SchemaRegistryServer(port, schemas).start()) {
          // then
          assertThat(back.port()).isEqualTo(port);
          assertThat(
                  outputs.readUntil(
                      () -> outputs.done.size() >= ids.size(), Duration.ofSeconds(90)))
              .isTrue();
          outputs.drain(Duration.ofSeconds(1));
          assertThat(outputs.done)
              .extracting(NotificationDone::getPaymentRequestId)
              .containsExactlyInAnyOrderElementsOf(ids);
          assertThat(outputs.deadLetters).isEmpty();
        }
      }
    } finally {
      decoding.detachAppender(registryWarnings);
      decoding.setLevel(levelBefore);
    }
  }
}
