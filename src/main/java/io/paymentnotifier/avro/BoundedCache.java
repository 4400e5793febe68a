package io.paymentnotifier.avro;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A least-recently-used map with a size bound and an optional time to live, so no registry cache
 * grows without limit and "latest version" answers go stale on schedule.
 */
final class BoundedCache<K, V> {

  private record Entry<V>(V value, long storedAtNanos) {}

  private final Map<K, Entry<V>> entries;
  private final long ttlNanos;
  private final LongSupplier nanoClock;

  /** A cache of at most {@code capacity} entries; {@code ttlNanos <= 0} means they never expire. */
  BoundedCache(final int capacity, final long ttlNanos, final LongSupplier nanoClock) {
    this.ttlNanos = ttlNanos;
    this.nanoClock = nanoClock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(final Map.Entry<K, Entry<V>> eldest) {
            return size() > capacity;
          }
        };
  }

  /** A cache of at most {@code capacity} entries that never expire. */
  BoundedCache(final int capacity) {
    this(capacity, 0, System::nanoTime);
  }

  synchronized V get(final K key) {
    final Entry<V> entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (ttlNanos > 0 && nanoClock.getAsLong() - entry.storedAtNanos() >= ttlNanos) {
      entries.remove(key);
      return null;
    }
    return entry.value();
  }

  synchronized void put(final K key, final V value) {
    entries.put(key, new Entry<>(value, nanoClock.getAsLong()));
  }

  synchronized int size() {
    return entries.size();
  }
}
