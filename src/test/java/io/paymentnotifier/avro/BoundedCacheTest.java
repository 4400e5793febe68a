package io.paymentnotifier.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

  private final AtomicLong nanos = new AtomicLong();

  @Test
  void shouldEvictTheLeastRecentlyUsedEntryWhenFull() {
    // given
    final BoundedCache<String, Integer> cache = new BoundedCache<>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.get("a");
    // when
    cache.put("c", 3);
    // then
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isEqualTo(1);
    assertThat(cache.get("c")).isEqualTo(3);
  }

  @Test
  void shouldForgetAnEntryOnceItsTimeToLiveHasPassed() {
    // given
    final BoundedCache<String, Integer> cache =
        new BoundedCache<>(10, TimeUnit.SECONDS.toNanos(60), nanos::get);
    cache.put("latest", 4);
    // when
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(59));
    final Integer fresh = cache.get("latest");
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
    final Integer stale = cache.get("latest");
    // then
    assertThat(fresh).isEqualTo(4);
    assertThat(stale).isNull();
  }

  @Test
  void shouldKeepEntriesWithoutTimeToLiveWhateverTheClockSays() {
    // given
    final BoundedCache<Integer, String> cache = new BoundedCache<>(10, 0, nanos::get);
    cache.put(7, "schema");
    // when
    nanos.addAndGet(TimeUnit.DAYS.toNanos(365));
    // then
    assertThat(cache.get(7)).isEqualTo("schema");
  }
}
