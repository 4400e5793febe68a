package io.paymentnotifier.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB state store of this JVM together, and with it what a
 * crash replays.
 *
 * <p>Kafka Streams writes its RocksDB stores without a write-ahead log: what is still in a memtable
 * when the process is killed is gone, and the store reopens at its last flushed state (with the
 * changelog offsets flushed together with it, so it is consistent) and replays the changelog from
 * there. Left alone, each store instance keeps up to three 16 MB memtables and a 50 MB block cache
 * of its own; a store smaller than that is never flushed, and a SIGKILL replays it whole. Here all
 * stores share one block cache of {@link #MEMORY_BYTES} bytes, and their memtables, charged to that
 * cache, at most {@link #MEMTABLE_BYTES}: past it the store being written flushes its largest
 * memtable. So a crash replays at most about that many bytes of changelog, whatever the history.
 * The cache and the write-buffer manager are shared and live as long as the JVM (one per pair of
 * sizes), so they are never closed per store.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

  /** Streams property: RocksDB memory of all stores together, block cache and memtables. */
  static final String MEMORY_BYTES = "payment-notifier.rocksdb.memory.max.bytes";

  /** Streams property: the part of {@link #MEMORY_BYTES} that memtables may take. */
  static final String MEMTABLE_BYTES = "payment-notifier.rocksdb.memtable.max.bytes";

  /**
   * Index and filter blocks go to the high-priority part of the cache, so data cannot evict them.
   */
  private static final double HIGH_PRIORITY_RATIO = 0.1;

  private static final long MIN_WRITE_BUFFER = 64 * 1024;

  private static final Map<Sizes, Shared> SHARED = new ConcurrentHashMap<>();

  @Override
  public void setConfig(
      final String storeName, final Options options, final Map<String, Object> configs) {
    final Sizes sizes = new Sizes(bytes(configs, MEMORY_BYTES), bytes(configs, MEMTABLE_BYTES));
    final Shared shared = SHARED.computeIfAbsent(sizes, Shared::new);
    final BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(shared.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(shared.writeBuffers());
    // Small memtables, so the manager's flushes find something to flush in every store.
    options.setWriteBufferSize(Math.max(MIN_WRITE_BUFFER, sizes.memtable() / 4));
    options.setMaxWriteBufferNumber(2);
  }

  @Override
  public void close(final String storeName, final Options options) {
    // The cache and the write-buffer manager are shared by every store: not closed here.
  }

  private static long bytes(final Map<String, Object> configs, final String key) {
    final Object value = configs.get(key);
    if (value == null) {
      throw new IllegalStateException(key + " is missing from the Streams properties");
    }
    return Long.parseLong(value.toString());
  }

  /** The two limits, the key of one shared cache and manager. */
  private record Sizes(long memory, long memtable) {}

  /** One cache and its write-buffer manager. */
  private record Shared(Cache cache, WriteBufferManager writeBuffers) {
    Shared(final Sizes sizes) {
      this(new LRUCache(sizes.memory(), -1, false, HIGH_PRIORITY_RATIO), sizes);
    }

    private Shared(final Cache cache, final Sizes sizes) {
      this(cache, new WriteBufferManager(sizes.memtable(), cache));
    }
  }
}
