package io.paymentnotifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbTest {

  static {
    RocksDB.loadLibrary();
  }

  private final Map<String, Object> configs =
      Map.of(
          BoundedRocksDb.MEMORY_BYTES, String.valueOf(64L << 20),
          BoundedRocksDb.MEMTABLE_BYTES, String.valueOf(16L << 20));

  @Test
  void shouldGiveEveryStoreTheSameWriteBufferManagerAndSmallMemtables() {
    try (Options doneStore = withTable();
        Options inFlightStore = withTable()) {
      // when
      new BoundedRocksDb().setConfig("done-store", doneStore, configs);
      new BoundedRocksDb().setConfig("in-flight-store", inFlightStore, configs);

      // then: one budget for both, and memtables a quarter of it, two at most per store
      assertThat(doneStore.writeBufferManager()).isSameAs(inFlightStore.writeBufferManager());
      assertThat(doneStore.writeBufferSize()).isEqualTo(4L << 20);
      assertThat(doneStore.maxWriteBufferNumber()).isEqualTo(2);
      assertThat(
              ((BlockBasedTableConfig) doneStore.tableFormatConfig()).cacheIndexAndFilterBlocks())
          .isTrue();
    }
  }

  @Test
  void shouldKeepSeparateBudgetsForDifferentSizes() {
    try (Options one = withTable();
        Options other = withTable()) {
      // when
      new BoundedRocksDb().setConfig("done-store", one, configs);
      new BoundedRocksDb()
          .setConfig(
              "done-store",
              other,
              Map.of(
                  BoundedRocksDb.MEMORY_BYTES, String.valueOf(8L << 20),
                  BoundedRocksDb.MEMTABLE_BYTES, String.valueOf(1L << 20)));

      // then
      assertThat(one.writeBufferManager()).isNotSameAs(other.writeBufferManager());
      assertThat(other.writeBufferSize()).isEqualTo(256L << 10);
    }
  }

  private static Options withTable() {
    final Options options = new Options();
    options.setTableFormatConfig(new BlockBasedTableConfig());
    return options;
  }
}
