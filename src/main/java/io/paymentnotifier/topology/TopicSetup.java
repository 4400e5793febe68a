package io.paymentnotifier.topology;

import io.paymentnotifier.config.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the four topics exist before the service starts, and that the retry topic has the
 * input's partition count: a payment's retries must reach the task that holds its state.
 */
public final class TopicSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;
  private final Topics topics;
  private final boolean create;
  private final Optional<Integer> partitions;
  private final Optional<Short> replication;

  /**
   * @param partitions partitions of created topics, -1 for the broker default
   * @param replication replication factor of created topics, -1 for the broker default
   */
  public TopicSetup(
      final Admin admin,
      final Topics topics,
      final boolean create,
      final int partitions,
      final short replication) {
    this.admin = admin;
    this.topics = topics;
    this.create = create;
    this.partitions = partitions < 0 ? Optional.empty() : Optional.of(partitions);
    this.replication = replication < 0 ? Optional.empty() : Optional.of(replication);
  }

  /** Creates what is missing (when allowed), then checks the partition counts. */
  public void ensure() {
    final int inputPartitions = ensureTopic(topics.input(), partitions);
    final int retryPartitions = ensureTopic(topics.retry(), Optional.of(inputPartitions));
    ensureTopic(topics.done(), partitions);
    ensureTopic(topics.dlq(), partitions);
    if (retryPartitions != inputPartitions) {
      throw new IllegalStateException(
          String.format(
              "retry topic '%s' (topic.retry) has %d partitions but input topic '%s' (topic.input)"
                  + " has %d: they must match, so a payment's retries reach the task holding its"
                  + " state. Recreate or repartition the retry topic.",
              topics.retry(), retryPartitions, topics.input(), inputPartitions));
    }
  }

  /** The topic's partition count, creating it first when missing. */
  private int ensureTopic(final String name, final Optional<Integer> partitionsIfCreated) {
    final Optional<Integer> existing = partitionCount(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (!create) {
      throw new IllegalStateException(
          "topic '" + name + "' does not exist and topic.create=false: create it first");
    }
    try {
      final CreateTopicsResult created =
          admin.createTopics(List.of(new NewTopic(name, partitionsIfCreated, replication)));
      // The created count comes with the answer: a describe right after may not see the topic yet.
      final int count = created.numPartitions(name).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      LOG.info("Created topic {} with {} partitions", name, count);
      return count;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return existingPartitionCount(name);
      }
      throw new IllegalStateException("cannot create topic '" + name + "': " + e.getCause(), e);
    } catch (InterruptedException | TimeoutException e) {
      throw interrupted("create topic '" + name + "'", e);
    }
  }

  /** Another client created it a moment ago: its metadata may take a moment to show. */
  private int existingPartitionCount(final String name) {
    for (int attempt = 0; attempt < 50; attempt++) {
      final Optional<Integer> count = partitionCount(name);
      if (count.isPresent()) {
        return count.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw interrupted("describe topic '" + name + "'", e);
      }
    }
    throw new IllegalStateException("topic '" + name + "' exists but cannot be described");
  }

  private Optional<Integer> partitionCount(final String name) {
    try {
      final Map<String, TopicDescription> described =
          admin
              .describeTopics(List.of(name))
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return Optional.of(described.get(name).partitions().size());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw new IllegalStateException("cannot describe topic '" + name + "': " + e.getCause(), e);
    } catch (InterruptedException | TimeoutException e) {
      throw interrupted("describe topic '" + name + "'", e);
    }
  }

  private static IllegalStateException interrupted(final String what, final Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new IllegalStateException("could not " + what + " in time: " + e, e);
  }
}
