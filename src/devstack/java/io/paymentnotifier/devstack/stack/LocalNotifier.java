package io.paymentnotifier.devstack.stack;

import io.paymentnotifier.config.AlipayConfigDef;
import io.paymentnotifier.config.FlowConfigDef;
import io.paymentnotifier.config.KafkaConfigDef;
import io.paymentnotifier.config.TopicsConfigDef;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How demo, dev and bench run the notifier on an embedded stack: the stack's addresses and keys,
 * four partitions, and a retry ladder and timeouts short enough to watch (seconds, not hours).
 */
public final class LocalNotifier {

  /** Short enough that a retried payment settles within seconds. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

  private static final Duration STARTUP = Duration.ofSeconds(60);

  private LocalNotifier() {}

  /** Publishing before the first rebalance ends would count start-up time as latency. */
  public static void awaitRunning(final KafkaStreams streams) {
    final long deadline = System.nanoTime() + STARTUP.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
        throw new IllegalStateException("the notifier did not start: " + streams.state());
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /**
   * The stack's settings (its crypto provider, {@code alipay.crypto.provider}, among them) plus a
   * short retry ladder and short timeouts.
   */
  public static Map<String, String> settings(
      final EmbeddedStack stack, final String applicationId) {
    final Map<String, String> settings = new TreeMap<>(stack.notifierSettings());
    settings.put(KafkaConfigDef.APPLICATION_ID_CONFIG, applicationId);
    settings.put(TopicsConfigDef.PARTITIONS_CONFIG, "4");
    settings.put(FlowConfigDef.RETRY_BACKOFF_CONFIG, "500ms,1s,2s");
    settings.put(FlowConfigDef.RETRY_MAX_ATTEMPTS_CONFIG, "4");
    settings.put(FlowConfigDef.RETRY_MAX_AGE_CONFIG, "1m");
    settings.put(FlowConfigDef.SHUTDOWN_TIMEOUT_CONFIG, "5s");
    settings.put(AlipayConfigDef.CONNECT_TIMEOUT_CONFIG, "1s");
    settings.put(AlipayConfigDef.RESPONSE_TIMEOUT_CONFIG, "2s");
    settings.put(AlipayConfigDef.CALL_TIMEOUT_CONFIG, "2s");
    return settings;
  }
}
