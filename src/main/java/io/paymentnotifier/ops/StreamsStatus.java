package io.paymentnotifier.ops;

import org.apache.kafka.streams.KafkaStreams;

/**
 * What the health checks need to know about Kafka Streams, behind an interface so the checks are
 * tested without a broker.
 */
public interface StreamsStatus {

  /** The client's current state. */
  KafkaStreams.State state();

  /** Stream threads that are alive; Kafka Streams leaves dead threads out of its metadata. */
  int liveStreamThreads();

  /** The status of a real Kafka Streams client. */
  static StreamsStatus of(final KafkaStreams streams) {
    return new StreamsStatus() {
      @Override
      public KafkaStreams.State state() {
        return streams.state();
      }

      @Override
      public int liveStreamThreads() {
        return (int)
            streams.metadataForLocalThreads().stream()
                .filter(thread -> !"DEAD".equals(thread.threadState()))
                .count();
      }
    };
  }
}
