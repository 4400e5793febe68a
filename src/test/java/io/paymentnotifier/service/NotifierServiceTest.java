package io.paymentnotifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.paymentnotifier.avro.RegistryUnavailableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** What the notifier does when a stream thread dies: retriable causes retry, bugs stop it. */
class NotifierServiceTest {

  @Test
  void shouldReplaceTheThreadWhenTheRegistryIsUnreachable() {
    // given: how Kafka Streams hands over a deserializer's failure
    final Throwable failure =
        new StreamsException(
            "Exception caught in process",
            new RegistryUnavailableException("registry unreachable", null));
    // when / then
    assertThat(NotifierService.onStreamThreadFailure(failure))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void shouldReplaceTheThreadOnABrokerTimeout() {
    assertThat(NotifierService.onStreamThreadFailure(new TimeoutException("commit timed out")))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void shouldShutTheClientDownOnABugRatherThanFailInALoop() {
    // given
    final Throwable failure =
        new StreamsException("Exception caught in process", new IllegalStateException("a bug"));
    // when / then
    assertThat(NotifierService.onStreamThreadFailure(failure))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }
}
