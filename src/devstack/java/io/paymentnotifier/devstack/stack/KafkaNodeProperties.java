package io.paymentnotifier.devstack.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The settings a one-node combined KRaft cluster on 127.0.0.1 must have (feasibility.md §2). */
final class KafkaNodeProperties {

  private static final String LISTENERS = "listeners";

  private KafkaNodeProperties() {}

  /** Broker and controller in one node, replication factor 1 everywhere, no rebalance delay. */
  static Map<String, String> singleNode(
      final Path logDir, final int brokerPort, final int controllerPort) {
    final Map<String, String> p = new TreeMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    p.put(
        LISTENERS,
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("num.partitions", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // The default 3 s delay makes every new consumer group (and Streams app) wait 3 s first.
    p.put("group.initial.rebalance.delay.ms", "0");
    return p;
  }

  /** The port of the PLAINTEXT listener in these properties. */
  static int clientPort(final Properties props) {
    for (final String listener : props.getProperty(LISTENERS).split(",")) {
      if (listener.startsWith("PLAINTEXT://")) {
        return Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1));
      }
    }
    throw new IllegalStateException("no PLAINTEXT listener in " + props.getProperty(LISTENERS));
  }
}
