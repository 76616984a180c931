package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kvlab.harness.disk.SimDisk;
import kvlab.harness.grading.Graded;
import kvlab.kv.peer.KvStore;
import kvlab.raft.Entry;

/** {@link KvStore}: exactly-once apply, and the applied index kept atomically with the data. */
class KvStoreTest {

    private static Entry entry(long index, Command c) {
        return Entry.of(index, 1, c.encode());
    }

    @Graded(part = "2b", points = 2, order = 0)
    void appliesEachCommandOnceAndRecoversAfterACrash() {
        SimDisk disk = new SimDisk();
        KvStore store = new KvStore(disk);
        store.apply(Entry.empty(1, 1));
        store.apply(entry(2, new Command(100, 1, Op.PUT, "k", "a")));
        store.apply(entry(3, new Command(100, 2, Op.APPEND, "k", "b")));
        store.apply(entry(4, new Command(100, 2, Op.APPEND, "k", "b")));
        assertThat(store.apply(entry(5, new Command(101, 1, Op.GET, "k", null))))
                .as("GET after put a, append b, and a retried append b").isEqualTo("ab");
        store.apply(entry(6, new Command(101, 2, Op.DELETE, "x", null)));
        assertThat(store.appliedIndex()).isEqualTo(6);
        assertThat(store.lastSeq(100)).isEqualTo(2);

        disk.crash();
        KvStore recovered = new KvStore(disk);
        assertThat(recovered.appliedIndex()).as("applied index with nothing synced").isZero();
        assertThat(recovered.get("k")).as("data with nothing synced").isEmpty();
    }

    @Graded(part = "2b", points = 2, order = 0)
    void theAppliedIndexSurvivesWithTheDataItDescribes() {
        SimDisk disk = new SimDisk();
        KvStore store = new KvStore(disk);
        store.apply(entry(1, new Command(100, 1, Op.PUT, "k", "a")));
        disk.sync();
        store.apply(entry(2, new Command(100, 2, Op.APPEND, "k", "b")));
        disk.crash();
        KvStore recovered = new KvStore(disk);
        assertThat(recovered.appliedIndex()).isEqualTo(1);
        assertThat(recovered.get("k")).contains("a");
        assertThat(recovered.lastSeq(100)).as("the de-duplication table moves with the data").isEqualTo(1);
        recovered.apply(entry(2, new Command(100, 2, Op.APPEND, "k", "b")));
        assertThat(recovered.get("k")).as("re-applied after the crash").contains("ab");
        assertThatThrownBy(() -> recovered.apply(entry(2, new Command(100, 3, Op.PUT, "k", "c"))))
                .as("applying index 2 twice").isInstanceOf(IllegalStateException.class);
    }
}
