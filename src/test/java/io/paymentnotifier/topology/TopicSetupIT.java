package io.paymentnotifier.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.paymentnotifier.config.Topics;
import io.paymentnotifier.testing.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicSetupIT {

  private final Admin admin =
      Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
  private final Topics topics = Topics.defaults().withPrefix(TestKafka.uniqueName("setup") + "-");

  @AfterEach
  void close() {
    admin.close();
  }

  @Test
  void shouldCreateMissingTopicsGivingTheRetryTopicTheInputsPartitionCount() {
    // given
    TestKafka.createTopics(5, topics.input());
    // when
    new TopicSetup(admin, topics, true, 2, (short) 1).ensure();
    // then: new topics reach the broker's metadata a moment after creation
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              final Map<String, TopicDescription> described =
                  admin
                      .describeTopics(List.of(topics.retry(), topics.done(), topics.dlq()))
                      .allTopicNames()
                      .get();
              assertThat(described.get(topics.retry()).partitions()).hasSize(5);
              assertThat(described.get(topics.done()).partitions()).hasSize(2);
              assertThat(described.get(topics.dlq()).partitions()).hasSize(2);
            });
  }

  @Test
  void shouldFailNamingBothTopicsWhenTheRetryTopicHasAnotherPartitionCount() {
    // given
    TestKafka.createTopics(3, topics.input());
    TestKafka.createTopics(1, topics.retry());
    // when / then
    assertThatThrownBy(() -> new TopicSetup(admin, topics, true, -1, (short) -1).ensure())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(topics.retry())
        .hasMessageContaining("has 1 partitions")
        .hasMessageContaining(topics.input())
        .hasMessageContaining("has 3");
  }

  @Test
  void shouldFailNamingTheTopicWhenItIsMissingAndCreationIsOff() {
    // when / then
    assertThatThrownBy(() -> new TopicSetup(admin, topics, false, -1, (short) -1).ensure())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(topics.input())
        .hasMessageContaining("topic.create=false");
  }
}
