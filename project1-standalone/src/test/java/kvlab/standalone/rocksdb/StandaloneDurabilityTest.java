package kvlab.standalone.rocksdb;

import static kvlab.harness.engine.ColumnFamilies.DEFAULT;
import static kvlab.harness.engine.ColumnFamilies.LOCK;
import static kvlab.harness.engine.ColumnFamilies.WRITE;
import static kvlab.harness.engine.EngineTestSupport.b;
import static kvlab.harness.engine.EngineTestSupport.entries;
import static kvlab.standalone.StorageTestSupport.assertSameBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;
import kvlab.harness.grading.Graded;
import org.junit.jupiter.api.io.TempDir;

/** Project 1: what {@link StandaloneStorage} keeps across close and reopen, and large values. */
class StandaloneDurabilityTest {
    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    @Graded(part = "1", points = 2, order = 3)
    void dataSurvivesCloseAndReopen() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).put(LOCK, b("l"), b("2")).sync().build());
            storage.write(WriteBatch.builder().put(WRITE, b("w"), b("3")).put(DEFAULT, b("gone"), b("x")).build());
            storage.write(WriteBatch.builder().delete(DEFAULT, b("gone")).build());
        }
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            assertThat(entries(storage, DEFAULT)).as("family default after reopen (the delete must stick too)")
                    .containsExactly("a=1");
            assertThat(entries(storage, LOCK)).as("family lock after reopen").containsExactly("l=2");
            assertThat(entries(storage, WRITE)).as("family write after reopen").containsExactly("w=3");
            storage.write(WriteBatch.builder().put(DEFAULT, b("b"), b("4")).build());
        }
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            assertThat(entries(storage, DEFAULT)).as("a second reopen keeps old and new data")
                    .containsExactly("a=1", "b=4");
        }
    }

    @Graded(part = "1", points = 2, order = 3)
    void oneMebibyteValuesRoundTrip() {
        byte[][] values = new byte[4][];
        Random random = new Random(42);
        for (int i = 0; i < values.length; i++) {
            values[i] = new byte[MIB + i];
            random.nextBytes(values[i]);
        }
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("big0"), values[0]).put(DEFAULT, b("big1"), values[1]).build());
            storage.write(WriteBatch.builder().put(DEFAULT, b("big2"), values[2]).put(WRITE, b("big3"), values[3]).build());
            try (EngineReader reader = storage.reader()) {
                assertSameBytes(reader.get(DEFAULT, b("big1")).orElseThrow(), values[1], "get of a 1 MiB value");
            }
        }
        try (StandaloneStorage storage = new StandaloneStorage(dir); EngineReader reader = storage.reader()) {
            assertSameBytes(reader.get(WRITE, b("big3")).orElseThrow(), values[3], "1 MiB value in write after reopen");
            try (EngineIterator it = reader.iterator(DEFAULT)) {
                it.seek(new byte[0]);
                for (int i = 0; i < 3; i++) {
                    assertThat(it.valid()).as("iterator at value %d of 3", i).isTrue();
                    assertSameBytes(it.value(), values[i], "iterated 1 MiB value big" + i + " after reopen");
                    it.next();
                }
                assertThat(it.valid()).as("iterator after the three big values of default").isFalse();
            }
        }
    }
}
