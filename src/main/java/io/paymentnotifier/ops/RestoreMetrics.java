package io.paymentnotifier.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes state restoration visible: logs each store partition's restore (records, seconds) and
 * counts it in {@code notifier_restore_records_total{store}}, {@code
 * notifier_restore_seconds_total{store}} and the gauges {@code notifier_restores_active} and {@code
 * notifier_restore_remaining_records}.
 *
 * <p>A crash with transactional stores replays only the uncommitted tail of each changelog; a lost
 * disk, a task new to the instance or a wiped store replays the whole changelog. Kafka Streams
 * calls this from its state-updater threads, so everything here is thread-safe.
 */
public final class RestoreMetrics implements StateRestoreListener {

  private static final Logger LOG = LoggerFactory.getLogger(RestoreMetrics.class);
  static final String STORE_TAG = "store";

  private final MeterRegistry registry;
  private final LongSupplier nanoClock;
  private final Map<String, Restore> running = new ConcurrentHashMap<>();

  public RestoreMetrics(final MeterRegistry registry) {
    this(registry, System::nanoTime);
  }

  RestoreMetrics(final MeterRegistry registry, final LongSupplier nanoClock) {
    this.registry = registry;
    this.nanoClock = nanoClock;
    Gauge.builder(MetricNames.RESTORES_ACTIVE, running, Map::size)
        .description("Store partitions being restored from their changelogs now")
        .strongReference(true)
        .register(registry);
    Gauge.builder(MetricNames.RESTORE_REMAINING_RECORDS, this, RestoreMetrics::remaining)
        .description("Changelog offsets still to restore, summed over the restores running")
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void onRestoreStart(
      final TopicPartition changelog,
      final String store,
      final long startingOffset,
      final long endingOffset) {
    running.put(
        key(changelog, store), new Restore(nanoClock.getAsLong(), startingOffset, endingOffset));
    LOG.atInfo()
        .setMessage("State restore started")
        .addKeyValue("store", store)
        .addKeyValue("changelog", changelog)
        .addKeyValue("fromOffset", startingOffset)
        .addKeyValue("toOffset", endingOffset)
        .log();
  }

  @Override
  public void onBatchRestored(
      final TopicPartition changelog,
      final String store,
      final long batchEndOffset,
      final long numRestored) {
    records(store).increment(numRestored);
    final Restore restore = running.get(key(changelog, store));
    if (restore != null) {
      restore.restoredUpTo(batchEndOffset);
    }
  }

  @Override
  public void onRestoreEnd(
      final TopicPartition changelog, final String store, final long totalRestored) {
    finish(changelog, store, totalRestored, "State restore finished");
  }

  /** The task moved away (a rebalance) before its restore finished. */
  @Override
  public void onRestoreSuspended(
      final TopicPartition changelog, final String store, final long totalRestored) {
    finish(changelog, store, totalRestored, "State restore suspended");
  }

  private void finish(
      final TopicPartition changelog,
      final String store,
      final long totalRestored,
      final String message) {
    final Restore restore = running.remove(key(changelog, store));
    final Duration took =
        restore == null
            ? Duration.ZERO
            : Duration.ofNanos(nanoClock.getAsLong() - restore.startedNanos);
    seconds(store).increment(took.toNanos() / 1e9);
    LOG.atInfo()
        .setMessage(message)
        .addKeyValue("store", store)
        .addKeyValue("changelog", changelog)
        .addKeyValue("records", totalRestored)
        .addKeyValue("seconds", String.format(Locale.ROOT, "%.3f", took.toNanos() / 1e9))
        .log();
  }

  private long remaining() {
    return running.values().stream().mapToLong(Restore::remaining).sum();
  }

  private Counter records(final String store) {
    return Counter.builder(MetricNames.RESTORE_RECORDS)
        .description("Changelog records restored into local state stores")
        .tag(STORE_TAG, store)
        .register(registry);
  }

  private Counter seconds(final String store) {
    return Counter.builder(MetricNames.RESTORE_SECONDS)
        .description("Time spent restoring, summed over the store's partitions")
        .tag(STORE_TAG, store)
        .register(registry);
  }

  private static String key(final TopicPartition changelog, final String store) {
    return store + "/" + changelog;
  }

  /** One store partition being restored: when it started, how far it is, where it ends. */
  private static final class Restore {
    private final long startedNanos;
    private final long endOffset;
    private final AtomicLong next;

    private Restore(final long startedNanos, final long startOffset, final long endOffset) {
      this.startedNanos = startedNanos;
      this.endOffset = endOffset;
      this.next = new AtomicLong(startOffset);
    }

    private void restoredUpTo(final long lastOffset) {
      next.set(lastOffset + 1);
    }

    /** Offsets, not records: transaction markers and compacted gaps count too. */
    private long remaining() {
      return Math.max(0, endOffset - next.get());
    }
  }
}
