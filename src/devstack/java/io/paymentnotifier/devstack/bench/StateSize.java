package io.paymentnotifier.devstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;

/**
 * How much state an application keeps: the bytes of its local state directory and of its changelog
 * topics on the broker.
 *
 * @param localBytes files under the state directory (RocksDB data; memtables not yet flushed are
 *     not counted)
 * @param changelogBytes the application's changelog partitions on the broker
 */
record StateSize(long localBytes, long changelogBytes) {

  static StateSize measure(
      final String bootstrapServers, final String applicationId, final Path stateDir) {
    return new StateSize(directoryBytes(stateDir), changelogBytes(bootstrapServers, applicationId));
  }

  static long directoryBytes(final Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(StateSize::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(final Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // RocksDB deletes files while compacting
    }
  }

  private static long changelogBytes(final String bootstrapServers, final String applicationId) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      final List<Integer> brokers =
          admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
              .map(node -> node.id())
              .toList();
      long total = 0;
      for (final Map<String, LogDirDescription> dirs :
          admin.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS).values()) {
        for (final LogDirDescription dir : dirs.values()) {
          for (final Map.Entry<org.apache.kafka.common.TopicPartition, ReplicaInfo> replica :
              dir.replicaInfos().entrySet()) {
            final String topic = replica.getKey().topic();
            if (topic.startsWith(applicationId + "-") && topic.endsWith("-changelog")) {
              total += replica.getValue().size();
            }
          }
        }
      }
      return total;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the changelog sizes", e);
    }
  }
}
