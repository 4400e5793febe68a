package io.paymentnotifier.service;

import io.paymentnotifier.config.Topics;
import io.paymentnotifier.devstack.registry.SchemaRegistryServer;
import io.paymentnotifier.devstack.stack.FreePorts;
import io.paymentnotifier.notify.Keys;
import io.paymentnotifier.simulator.AlipaySimulator;
import io.paymentnotifier.testing.TestKafka;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of a real {@code run} in a child JVM (see ChildNotifier) on the test broker: one
 * static member of its own application, on two partitions of its own topics, with its state under
 * {@code dir}, so that a restart on the same settings takes its tasks back at once.
 */
final class ChildRunSettings {

  private ChildRunSettings() {}

  /** A mutable map: the test adds what it needs beyond these. */
  static Map<String, String> of(
      final Path dir,
      final String scope,
      final Topics topics,
      final SchemaRegistryServer registry,
      final AlipaySimulator simulator,
      final KeyPair mpp,
      final KeyPair alipay) {
    final Map<String, String> settings = new TreeMap<>();
    settings.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
    settings.put("kafka.application.id", scope);
    settings.put("kafka.state.dir", dir.resolve("state").toString());
    settings.put("instance.id", scope + "-0");
    settings.put("topic.input", topics.input());
    settings.put("topic.done", topics.done());
    settings.put("topic.retry", topics.retry());
    settings.put("topic.dlq", topics.dlq());
    settings.put("topic.partitions", "2");
    settings.put("schema.registry.url", registry.url());
    settings.put("alipay.client.id", "TEST_CLIENT");
    settings.put("alipay.base.url", simulator.baseUrl().toString());
    settings.put("alipay.private.key", Keys.toPem(mpp.getPrivate()));
    settings.put("alipay.public.key", Keys.toPem(alipay.getPublic()));
    settings.put("shutdown.timeout", "5s");
    settings.put("ops.port", String.valueOf(FreePorts.orFree(0)));
    return settings;
  }
}
