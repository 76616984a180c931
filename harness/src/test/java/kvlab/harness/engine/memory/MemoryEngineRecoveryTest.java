package kvlab.harness.engine.memory;

import static kvlab.harness.engine.ColumnFamilies.DEFAULT;
import static kvlab.harness.engine.ColumnFamilies.WRITE;
import static kvlab.harness.engine.EngineTestSupport.b;
import static kvlab.harness.engine.EngineTestSupport.entries;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.engine.WriteBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durability of {@link MemoryEngine}: what a restart over a crashed {@link SimDisk} sees. */
class MemoryEngineRecoveryTest {
    private final SimDisk disk = new SimDisk();

    @Test
    void syncedBatchesSurviveACrashAndUnsyncedOnesDoNot() {
        MemoryEngine storage = new MemoryEngine(disk);
        storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).put(WRITE, b("w"), b("1")).sync().build());
        storage.write(WriteBatch.builder().delete(WRITE, b("w")).put(DEFAULT, b("b"), b("2")).sync().build());
        storage.write(WriteBatch.builder().put(DEFAULT, b("lost"), b("3")).build());
        disk.crash();
        MemoryEngine restarted = new MemoryEngine(disk);
        assertThat(entries(restarted, DEFAULT)).containsExactly("a=1", "b=2");
        assertThat(entries(restarted, WRITE)).as("the synced delete replays too").isEmpty();
    }

    @Test
    void explicitSyncMakesEarlierBatchesDurable() {
        MemoryEngine storage = new MemoryEngine(disk);
        storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).build());
        storage.sync();
        disk.crash();
        assertThat(entries(new MemoryEngine(disk), DEFAULT)).containsExactly("a=1");
    }

    @ParameterizedTest(name = "tear seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aTornTailIsDroppedAndCutOffSoLaterBatchesSurvive(long tearSeed) {
        MemoryEngine storage = new MemoryEngine(disk);
        storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).sync().build());
        int synced = length(MemoryEngine.LOG_FILE);
        storage.write(WriteBatch.builder().put(DEFAULT, b("torn"), b("2")).build());
        disk.enableTornWrites(new SplittableRandom(tearSeed));
        disk.crash();
        disk.disableTornWrites();

        MemoryEngine restarted = new MemoryEngine(disk);
        assertThat(entries(restarted, DEFAULT)).as("the torn batch is dropped whole").containsExactly("a=1");
        assertThat(length(MemoryEngine.LOG_FILE)).as("the torn bytes are cut off the log").isEqualTo(synced);
        restarted.write(WriteBatch.builder().put(DEFAULT, b("c"), b("3")).sync().build());
        disk.crash();
        assertThat(entries(new MemoryEngine(disk), DEFAULT)).as("a batch written after the torn tail")
                .containsExactly("a=1", "c=3");
    }

    private int length(String file) {
        return disk.read(file).map(bytes -> bytes.length).orElse(0);
    }

    @Test
    void aCorruptRecordEndsTheReplay() {
        MemoryEngine storage = new MemoryEngine(disk);
        storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).sync().build());
        storage.write(WriteBatch.builder().put(DEFAULT, b("b"), b("2")).sync().build());
        byte[] log = disk.read(MemoryEngine.LOG_FILE).orElseThrow();
        log[log.length - 1] ^= 0x40;
        disk.write(MemoryEngine.LOG_FILE, log);
        disk.sync();
        assertThat(entries(new MemoryEngine(disk), DEFAULT)).containsExactly("a=1");
    }
}
