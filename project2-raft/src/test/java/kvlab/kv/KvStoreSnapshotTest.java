package kvlab.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.grading.Graded;
import kvlab.kv.peer.KvStore;
import kvlab.raft.Entry;

/** Part 2C, the store side of snapshots: {@link KvStore#snapshot} and {@link KvStore#restore}. */
class KvStoreSnapshotTest {

    private static Entry entry(long index, Command c) {
        return Entry.of(index, 1, c.encode());
    }

    /** A store that applied six entries: k = "ab" (client 100 at seq 2), x deleted, client 101 at seq 1. */
    private static KvStore sixEntries() {
        KvStore store = new KvStore(new SimDisk());
        store.apply(Entry.empty(1, 1));
        store.apply(entry(2, new Command(100, 1, Op.PUT, "k", "a")));
        store.apply(entry(3, new Command(100, 2, Op.APPEND, "k", "b")));
        store.apply(entry(4, new Command(101, 1, Op.PUT, "x", "1")));
        store.apply(entry(5, new Command(101, 2, Op.DELETE, "x", null)));
        store.apply(entry(6, new Command(102, 1, Op.PUT, "y", "2")));
        return store;
    }

    @Graded(part = "2c", points = 2, order = 1)
    void aSnapshotCarriesDataDeduplicationAndAppliedIndex() {
        byte[] snapshot = sixEntries().snapshot();
        KvStore restored = new KvStore(new SimDisk());
        restored.restore(snapshot);
        assertThat(restored.appliedIndex()).as("applied index restored from the snapshot").isEqualTo(6);
        assertThat(restored.get("k")).contains("ab");
        assertThat(restored.get("y")).contains("2");
        assertThat(restored.get("x")).as("a deleted key").isEmpty();
        assertThat(restored.lastSeq(100)).as("client 100's last sequence number (de-duplication table)").isEqualTo(2);
        assertThat(restored.lastSeq(101)).isEqualTo(2);
        restored.apply(entry(7, new Command(100, 2, Op.APPEND, "k", "b")));
        assertThat(restored.get("k")).as("a retry of client 100's append after the restore").contains("ab");
        restored.apply(entry(8, new Command(100, 3, Op.APPEND, "k", "c")));
        assertThat(restored.get("k")).as("a new append after the restore").contains("abc");
    }

    @Graded(part = "2c", points = 2, order = 1)
    void restoreReplacesTheWholeState() {
        byte[] snapshot = sixEntries().snapshot();
        SimDisk disk = new SimDisk();
        KvStore store = new KvStore(disk);
        for (int i = 1; i <= 20; i++) {
            store.apply(entry(i, new Command(200, i, Op.PUT, "z" + (i % 3), "v" + i)));
        }
        store.restore(snapshot);
        assertThat(store.appliedIndex()).as("the snapshot's applied index, even below the store's own").isEqualTo(6);
        assertThat(store.get("z1")).as("a key the snapshot does not hold").isEmpty();
        assertThat(store.lastSeq(200)).as("a client the snapshot does not know").isZero();
        assertThat(store.get("k")).contains("ab");

        disk.sync();
        disk.crash();
        KvStore recovered = new KvStore(disk);
        assertThat(recovered.appliedIndex()).as("after a crash: the restored state is durable as written").isEqualTo(6);
        assertThat(recovered.get("z2")).isEmpty();
        assertThat(recovered.get("k")).contains("ab");
    }

    @Graded(part = "2c", points = 1, order = 1)
    void restoreRejectsWhatIsNotASnapshot() {
        KvStore store = new KvStore(new SimDisk());
        assertThatThrownBy(() -> store.restore("garbage".getBytes(UTF_8)))
                .as("restore of bytes that are not a snapshot").isInstanceOf(IllegalArgumentException.class);
        byte[] withoutAppliedIndex = StoreSnapshot.encode(Map.of("d/k".getBytes(UTF_8), "v".getBytes(UTF_8)));
        assertThatThrownBy(() -> store.restore(withoutAppliedIndex))
                .as("restore of a snapshot without m/applied").isInstanceOf(IllegalArgumentException.class);
        assertThat(store.appliedIndex()).as("a rejected snapshot changes nothing").isZero();
    }
}
