package kvlab.raft.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import kvlab.harness.disk.SimDisk;
import kvlab.raft.ConfState;
import kvlab.raft.Entry;
import kvlab.raft.HardState;
import kvlab.raft.Snapshot;
import kvlab.raft.SnapshotMetadata;
import kvlab.raft.sim.RaftDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The provided durable format of simulated Raft nodes: what a restart reads back. */
class RaftDiskTest {
    private final SimDisk disk = new SimDisk();
    private final RaftDisk raftDisk = new RaftDisk(disk);

    @Test
    void replaysEntriesAndTheLastHardState() {
        raftDisk.append(List.of(e(1, 1, "a"), e(2, 1, "b")));
        raftDisk.saveHardState(new HardState(1, 2, 1));
        raftDisk.append(List.of(e(3, 1, "c")));
        raftDisk.saveHardState(new HardState(2, 0, 3));
        raftDisk.sync();
        disk.crash();

        RaftDisk.Contents back = new RaftDisk(disk).load();
        assertThat(back.entries()).containsExactly(e(1, 1, "a"), e(2, 1, "b"), e(3, 1, "c"));
        assertThat(back.hardState()).isEqualTo(new HardState(2, 0, 3));
    }

    @Test
    void aRunOfEntriesOverwritesTheSuffixFromItsFirstIndex() {
        raftDisk.append(List.of(e(1, 1, "a"), e(2, 1, "b"), e(3, 1, "c")));
        raftDisk.append(List.of(e(2, 2, "x")));
        raftDisk.sync();
        assertThat(new RaftDisk(disk).load().entries()).containsExactly(e(1, 1, "a"), e(2, 2, "x"));
    }

    @Test
    void unsyncedRecordsAreLostInACrash() {
        raftDisk.append(List.of(e(1, 1, "a")));
        raftDisk.sync();
        raftDisk.append(List.of(e(2, 1, "b")));
        raftDisk.saveHardState(new HardState(1, 1, 2));
        disk.crash();
        RaftDisk.Contents back = new RaftDisk(disk).load();
        assertThat(back.entries()).containsExactly(e(1, 1, "a"));
        assertThat(back.hardState()).isEqualTo(HardState.EMPTY);
    }

    @ParameterizedTest(name = "tear seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aTornTailIsDetectedAndCutOff(long tearSeed) {
        raftDisk.append(List.of(e(1, 1, "a")));
        raftDisk.sync();
        int synced = disk.read(RaftDisk.LOG_FILE).orElseThrow().length;
        raftDisk.append(List.of(e(2, 1, "torn entry with some bytes")));
        disk.enableTornWrites(new SplittableRandom(tearSeed));
        disk.crash();
        disk.disableTornWrites();

        RaftDisk restarted = new RaftDisk(disk);
        assertThat(restarted.load().entries()).containsExactly(e(1, 1, "a"));
        assertThat(disk.read(RaftDisk.LOG_FILE).orElseThrow()).as("the torn bytes are cut off").hasSize(synced);
        restarted.append(List.of(e(2, 2, "b")));
        restarted.sync();
        assertThat(new RaftDisk(disk).load().entries()).containsExactly(e(1, 1, "a"), e(2, 2, "b"));
    }

    @Test
    void anEmptyDiskHoldsNothing() {
        RaftDisk.Contents back = raftDisk.load();
        assertThat(back.entries()).isEmpty();
        assertThat(back.hardState()).isEqualTo(HardState.EMPTY);
    }

    @Test
    void aRewriteReplacesEverythingAndLaterRecordsFollowIt() {
        raftDisk.append(List.of(e(1, 1, "a"), e(2, 1, "b"), e(3, 1, "c")));
        raftDisk.saveHardState(new HardState(1, 1, 3));
        raftDisk.sync();
        Snapshot snap = snapshot(2, 1);
        raftDisk.rewrite(snap, new HardState(1, 1, 3), List.of(e(3, 1, "c")));
        raftDisk.append(List.of(e(4, 2, "d")));
        raftDisk.saveHardState(new HardState(2, 0, 4));
        raftDisk.sync();
        disk.crash();

        RaftDisk.Contents back = new RaftDisk(disk).load();
        assertThat(back.snapshot()).isEqualTo(snap);
        assertThat(back.entries()).containsExactly(e(3, 1, "c"), e(4, 2, "d"));
        assertThat(back.hardState()).isEqualTo(new HardState(2, 0, 4));
        assertThat(disk.files()).as("only the newest generation is kept").containsExactly(RaftDisk.LOG_FILE + ".1");
    }

    @Test
    void aRewriteIsDurableWhenItReturns() {
        raftDisk.rewrite(snapshot(5, 2), new HardState(2, 0, 5), List.of());
        disk.crash();
        RaftDisk.Contents back = new RaftDisk(disk).load();
        assertThat(back.snapshot().metadata().index()).isEqualTo(5);
        assertThat(back.entries()).isEmpty();
        assertThat(back.hardState()).isEqualTo(new HardState(2, 0, 5));
    }

    @ParameterizedTest(name = "tear seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aTornRewriteFallsBackToThePreviousGeneration(long tearSeed) {
        raftDisk.append(List.of(e(1, 1, "a"), e(2, 1, "b")));
        raftDisk.saveHardState(new HardState(1, 0, 2));
        raftDisk.sync();
        SimDisk scratch = new SimDisk();
        new RaftDisk(scratch).rewrite(snapshot(2, 1), new HardState(1, 0, 2), List.of());
        byte[] whole = scratch.read(RaftDisk.LOG_FILE + ".1").orElseThrow();
        // What a crash during the rewrite's write leaves: a strict prefix of the new generation.
        disk.write(RaftDisk.LOG_FILE + ".1", Arrays.copyOf(whole, new SplittableRandom(tearSeed).nextInt(whole.length)));
        disk.sync();

        RaftDisk restarted = new RaftDisk(disk);
        RaftDisk.Contents back = restarted.load();
        assertThat(back.snapshot()).as("a torn rewrite is not used").isEqualTo(Snapshot.EMPTY);
        assertThat(back.entries()).containsExactly(e(1, 1, "a"), e(2, 1, "b"));
        assertThat(disk.files()).containsExactly(RaftDisk.LOG_FILE);
        restarted.append(List.of(e(3, 1, "c")));
        restarted.sync();
        assertThat(new RaftDisk(disk).load().entries()).hasSize(3);
    }

    @Test
    void aCrashBetweenTheRewritesSyncsKeepsTheNewGenerationOnly() {
        raftDisk.append(List.of(e(1, 1, "a")));
        raftDisk.sync();
        raftDisk.rewrite(snapshot(1, 1), new HardState(1, 0, 1), List.of());
        disk.write(RaftDisk.LOG_FILE, new byte[] {1, 2, 3});
        disk.sync();
        RaftDisk.Contents back = new RaftDisk(disk).load();
        assertThat(back.snapshot().metadata().index()).as("the newest intact generation wins").isEqualTo(1);
        assertThat(disk.files()).containsExactly(RaftDisk.LOG_FILE + ".1");
    }

    private static Snapshot snapshot(long index, long term) {
        return new Snapshot(new SnapshotMetadata(new ConfState(List.of(1L, 2L, 3L)), index, term),
                ("state@" + index).getBytes(UTF_8));
    }

    private static Entry e(long index, long term, String data) {
        return Entry.of(index, term, data.getBytes(UTF_8));
    }
}
