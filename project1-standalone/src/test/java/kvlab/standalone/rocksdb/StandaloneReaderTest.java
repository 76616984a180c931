package kvlab.standalone.rocksdb;

import static kvlab.harness.engine.ColumnFamilies.DEFAULT;
import static kvlab.harness.engine.ColumnFamilies.LOCK;
import static kvlab.harness.engine.EngineTestSupport.b;
import static kvlab.harness.engine.EngineTestSupport.entries;
import static kvlab.harness.engine.EngineTestSupport.hex;
import static kvlab.harness.engine.EngineTestSupport.keys;
import static kvlab.harness.engine.EngineTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;
import kvlab.harness.grading.Graded;
import org.junit.jupiter.api.io.TempDir;

/** Project 1: readers and iterators of {@link StandaloneStorage}: order, snapshots, leaks. */
class StandaloneReaderTest {
    @TempDir
    Path dir;

    @Graded(part = "1", points = 2, order = 4)
    void iteratorSeeksAndWalksInOrder() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("e"), b("5")).put(DEFAULT, b("a"), b("1"))
                    .put(DEFAULT, b("c"), b("3")).build());
            try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(DEFAULT)) {
                assertThat(it.valid()).as("a new iterator is not positioned until seek").isFalse();
                assertThat(walk(it, "")).as("seek to the empty key, then next until not valid").containsExactly("a=1", "c=3", "e=5");
                assertThat(walk(it, "b")).as("seek to b, which is absent, lands on the next key").containsExactly("c=3", "e=5");
                assertThat(walk(it, "c")).as("seek to c, which exists, lands on c itself").containsExactly("c=3", "e=5");
                assertThat(walk(it, "f")).as("seek past the last key").isEmpty();
                assertThatThrownBy(it::key).as("key() on an iterator that is not valid").isInstanceOf(NoSuchElementException.class);
                assertThatThrownBy(it::value).as("value() on an iterator that is not valid").isInstanceOf(NoSuchElementException.class);
                assertThatThrownBy(it::next).as("next() on an iterator that is not valid").isInstanceOf(NoSuchElementException.class);
            }
        }
    }

    @Graded(part = "1", points = 2, order = 4)
    void iteratorSkipsDeletedKeys() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            WriteBatch.Builder fill = WriteBatch.builder();
            for (int i = 1; i <= 5; i++) {
                fill.put(DEFAULT, b("k" + i), b("v" + i));
            }
            storage.write(fill.build());
            storage.write(WriteBatch.builder().delete(DEFAULT, b("k2")).delete(DEFAULT, b("k4"))
                    .put(DEFAULT, b("k6"), b("v6")).delete(DEFAULT, b("k6")).build());
            try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(DEFAULT)) {
                assertThat(walk(it, "")).as("iteration after deleting k2, k4 and k6").containsExactly("k1=v1", "k3=v3", "k5=v5");
                assertThat(walk(it, "k2")).as("seek to the deleted k2").containsExactly("k3=v3", "k5=v5");
            }
            storage.write(WriteBatch.builder().put(DEFAULT, b("k2"), b("back")).delete(DEFAULT, b("k5")).build());
            assertThat(entries(storage, DEFAULT)).as("iteration after putting k2 back and deleting k5")
                    .containsExactly("k1=v1", "k2=back", "k3=v3");
        }
    }

    @Graded(part = "1", points = 2, order = 4)
    void binaryKeysOrderAsUnsignedBytes() {
        byte[][] sorted = {{}, {0x00}, {0x00, 0x00}, {0x01}, {0x7f}, {0x7f, (byte) 0xff}, {(byte) 0x80},
            {(byte) 0x80, 0x00}, {(byte) 0xfe}, {(byte) 0xff}, {(byte) 0xff, 0x00}};
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            WriteBatch.Builder batch = WriteBatch.builder();
            for (int i = sorted.length - 1; i >= 0; i--) {
                batch.put(LOCK, sorted[(i * 7) % sorted.length], new byte[] {(byte) i});
            }
            storage.write(batch.build());
            assertThat(hex(keys(storage, LOCK))).as("keys in unsigned byte order: 0x7f before 0x80, a prefix before its extensions")
                    .containsExactlyElementsOf(hex(List.of(sorted)));
            try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(LOCK)) {
                it.seek(new byte[] {(byte) 0x80});
                assertThat(it.valid()).as("seek to 0x80").isTrue();
                assertThat(hex(List.of(it.key()))).as("seek to 0x80 lands on 0x80, not on a key signed order puts first")
                        .containsExactly("80");
            }
        }
    }

    @Graded(part = "1", points = 2, order = 4)
    void hundredThousandKeysScanInOrder() {
        int n = 100_000;
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            for (int start = 0; start < n; start += 10_000) {
                WriteBatch.Builder batch = WriteBatch.builder();
                for (int i = start; i < start + 10_000; i++) {
                    int k = (int) ((i * 7919L) % n); // a permutation: keys arrive out of order
                    batch.put(DEFAULT, intKey(k), b("v" + k));
                }
                storage.write(batch.build());
            }
            try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(DEFAULT)) {
                int expected = 0;
                for (it.seek(new byte[0]); it.valid(); it.next(), expected++) {
                    int k = ByteBuffer.wrap(it.key()).getInt();
                    if (k != expected || !str(it.value()).equals("v" + k)) {
                        assertThat(k + "=" + str(it.value())).as("entry %d of the scan (big-endian int keys)", expected)
                                .isEqualTo(expected + "=v" + expected);
                    }
                }
                assertThat(expected).as("number of keys scanned").isEqualTo(n);
                it.seek(intKey(n / 2));
                int rest = 0;
                for (; it.valid(); it.next()) {
                    rest++;
                }
                assertThat(rest).as("keys from the middle to the end").isEqualTo(n / 2);
            }
        }
    }

    @Graded(part = "1", points = 2, order = 5)
    void readerSeesTheSnapshotInGet() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).put(DEFAULT, b("b"), b("1"))
                    .put(LOCK, b("l"), b("1")).build());
            try (EngineReader old = storage.reader()) {
                storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("2")).delete(DEFAULT, b("b"))
                        .put(DEFAULT, b("c"), b("2")).put(LOCK, b("l"), b("2")).build());
                assertThat(old.get(DEFAULT, b("a")).map(v -> str(v))).as("a reader opened before a was overwritten").hasValue("1");
                assertThat(old.get(DEFAULT, b("b")).map(v -> str(v))).as("a reader opened before b was deleted").hasValue("1");
                assertThat(old.get(DEFAULT, b("c"))).as("a reader opened before c was put").isEmpty();
                assertThat(old.get(LOCK, b("l")).map(v -> str(v))).as("the snapshot covers family lock too").hasValue("1");
                try (EngineReader fresh = storage.reader()) {
                    assertThat(fresh.get(DEFAULT, b("a")).map(v -> str(v))).as("a reader opened after the write").hasValue("2");
                    assertThat(fresh.get(DEFAULT, b("b"))).as("a reader opened after b was deleted").isEmpty();
                }
            }
        }
    }

    @Graded(part = "1", points = 2, order = 5)
    void readerSeesTheSnapshotInIterators() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).put(DEFAULT, b("b"), b("1")).build());
            try (EngineReader old = storage.reader(); EngineIterator early = old.iterator(DEFAULT)) {
                storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("2")).delete(DEFAULT, b("b"))
                        .put(DEFAULT, b("c"), b("2")).build());
                assertThat(walk(early, "")).as("an iterator opened before the write").containsExactly("a=1", "b=1");
                assertThat(entries(old, DEFAULT)).as("an iterator opened AFTER the write, on a reader opened before it")
                        .containsExactly("a=1", "b=1");
                assertThat(entries(storage, DEFAULT)).as("a new reader").containsExactly("a=2", "c=2");
            }
        }
    }

    @Graded(part = "1", points = 3, order = 6)
    void noNativeHandlesLeakAfterTenThousandReaders() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            WriteBatch.Builder fill = WriteBatch.builder();
            for (int i = 0; i < 100; i++) {
                fill.put(DEFAULT, b("k" + i), b("v" + i));
            }
            storage.write(fill.build());
            List<EngineReader> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(storage.reader());
            }
            assertThat(storage.liveSnapshots()).as("RocksDB snapshots with 3 readers open: each reader holds one").isEqualTo(3);
            open.forEach(EngineReader::close);

            for (int i = 0; i < 10_000; i++) {
                EngineReader reader = storage.reader();
                assertThat(reader.get(DEFAULT, b("k" + i % 100))).isPresent();
                EngineIterator it = reader.iterator(DEFAULT);
                it.seek(b("k" + i % 100));
                it.key();
                if (i % 2 == 0) {
                    it.close(); // the other half is closed by reader.close()
                }
                reader.close();
            }
            assertThat(storage.liveSnapshots()).as("RocksDB snapshots after closing 10,000 readers: each close must release its snapshot")
                    .isZero();
            storage.write(WriteBatch.builder().put(DEFAULT, b("after"), b("x")).build());
            assertThat(storage.pinnedVersions())
                    .as("RocksDB versions pinned by iterators never closed (closing a reader must close its iterators)")
                    .isZero();
        }
    }

    /** Seeks {@code it} to {@code start} and returns the entries up to the end as "key=value". */
    private static List<String> walk(EngineIterator it, String start) {
        List<String> entries = new ArrayList<>();
        for (it.seek(b(start)); it.valid(); it.next()) {
            entries.add(str(it.key()) + "=" + str(it.value()));
        }
        return entries;
    }

    private static byte[] intKey(int k) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(k).array();
    }
}
