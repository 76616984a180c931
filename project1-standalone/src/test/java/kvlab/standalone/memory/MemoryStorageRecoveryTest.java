package kvlab.standalone.memory;

import static kvlab.standalone.StorageTestSupport.b;
import static kvlab.standalone.StorageTestSupport.entries;
import static kvlab.standalone.storage.ColumnFamilies.DEFAULT;
import static kvlab.standalone.storage.ColumnFamilies.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import kvlab.standalone.storage.WriteBatch;
import org.junit.jupiter.api.Test;

/** Durability of {@link MemoryStorage}: what a restart over a crashed {@link FakeDisk} sees. */
class MemoryStorageRecoveryTest {
    private final FakeDisk disk = new FakeDisk();

    @Test
    void syncedBatchesSurviveACrashAndUnsyncedOnesDoNot() {
        MemoryStorage storage = new MemoryStorage(disk);
        storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).put(WRITE, b("w"), b("1")).sync().build());
        storage.write(WriteBatch.builder().delete(WRITE, b("w")).put(DEFAULT, b("b"), b("2")).sync().build());
        storage.write(WriteBatch.builder().put(DEFAULT, b("lost"), b("3")).build());
        disk.crash();
        MemoryStorage restarted = new MemoryStorage(disk);
        assertThat(entries(restarted, DEFAULT)).containsExactly("a=1", "b=2");
        assertThat(entries(restarted, WRITE)).as("the synced delete replays too").isEmpty();
    }

    @Test
    void explicitSyncMakesEarlierBatchesDurable() {
        MemoryStorage storage = new MemoryStorage(disk);
        storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).build());
        storage.sync();
        disk.crash();
        assertThat(entries(new MemoryStorage(disk), DEFAULT)).containsExactly("a=1");
    }

    @Test
    void aTornTailIsDroppedAndCutOffSoLaterBatchesSurvive() {
        MemoryStorage storage = new MemoryStorage(disk);
        storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).sync().build());
        int synced = disk.length(MemoryStorage.LOG_FILE);
        storage.write(WriteBatch.builder().put(DEFAULT, b("torn"), b("2")).build());
        int tornRecord = disk.length(MemoryStorage.LOG_FILE) - synced;
        disk.crashTearing(MemoryStorage.LOG_FILE, tornRecord - 1);

        MemoryStorage restarted = new MemoryStorage(disk);
        assertThat(entries(restarted, DEFAULT)).as("the torn batch is dropped whole").containsExactly("a=1");
        assertThat(disk.length(MemoryStorage.LOG_FILE)).as("the torn bytes are cut off the log").isEqualTo(synced);
        restarted.write(WriteBatch.builder().put(DEFAULT, b("c"), b("3")).sync().build());
        disk.crash();
        assertThat(entries(new MemoryStorage(disk), DEFAULT)).as("a batch written after the torn tail")
                .containsExactly("a=1", "c=3");
    }

    @Test
    void aCorruptRecordEndsTheReplay() {
        MemoryStorage storage = new MemoryStorage(disk);
        storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).sync().build());
        storage.write(WriteBatch.builder().put(DEFAULT, b("b"), b("2")).sync().build());
        byte[] log = disk.read(MemoryStorage.LOG_FILE).orElseThrow();
        log[log.length - 1] ^= 0x40;
        disk.write(MemoryStorage.LOG_FILE, log);
        disk.sync();
        assertThat(entries(new MemoryStorage(disk), DEFAULT)).containsExactly("a=1");
    }
}
