package kvlab.txn.server;

import static kvlab.txn.MvccData.b;
import static kvlab.txn.mvcc.WriteKind.DELETE;
import static kvlab.txn.mvcc.WriteKind.PUT;
import static kvlab.txn.mvcc.WriteKind.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kvlab.harness.grading.Graded;

/** Project 4B: {@link TxnCommands#get}, on hand-made family contents. */
class GetTest extends CommandTestBase {
    @Graded(part = "4b", points = 1, order = 0)
    void getReadsTheCommittedValue() {
        data.committed("k", 100, 110, "v");
        assertThat(get("k", 200)).as("get \"k\" at 200; committed at 110").isEqualTo(GetResponse.found(b("v")));
    }

    @Graded(part = "4b", points = 1, order = 0)
    void getAtAndAroundTheCommitTimestamp() {
        data.committed("k", 100, 110, "v");
        assertThat(get("k", 100)).as("get \"k\" at 100; written at 100, committed at 110")
                .isEqualTo(GetResponse.missing());
        assertThat(get("k", 109)).as("get \"k\" at 109; committed at 110").isEqualTo(GetResponse.missing());
        assertThat(get("k", 110)).as("get \"k\" at 110; committed at 110").isEqualTo(GetResponse.found(b("v")));
        assertThat(get("k", 111)).as("get \"k\" at 111; committed at 110").isEqualTo(GetResponse.found(b("v")));
    }

    @Graded(part = "4b", points = 1, order = 0)
    void getOfAnEmptyStoreIsNotFound() {
        assertThat(get("k", 100)).as("get \"k\" at 100 from empty families").isEqualTo(GetResponse.missing());
    }

    @Graded(part = "4b", points = 1, order = 0)
    void getOfAKeyWithoutVersionsIsNotFound() {
        data.committed("j", 100, 110, "j").committed("k0", 100, 110, "k0").committed("l", 100, 110, "l");
        assertThat(get("k", 200)).as("get \"k\" at 200; only \"j\", \"k0\" and \"l\" have versions")
                .isEqualTo(GetResponse.missing());
    }

    @Graded(part = "4b", points = 1, order = 1)
    void getPicksTheNewestVersionAtOrBelowTheVersion() {
        data.committed("k", 10, 20, "v1").committed("k", 30, 40, "v2").committed("k", 50, 60, "v3");
        assertThat(get("k", 39)).as("get \"k\" at 39; commits at 20, 40, 60").isEqualTo(GetResponse.found(b("v1")));
        assertThat(get("k", 40)).as("get \"k\" at 40; commits at 20, 40, 60").isEqualTo(GetResponse.found(b("v2")));
        assertThat(get("k", 61)).as("get \"k\" at 61; commits at 20, 40, 60").isEqualTo(GetResponse.found(b("v3")));
    }

    @Graded(part = "4b", points = 1, order = 1)
    void getOfADeletedKeyIsNotFound() {
        data.committed("k", 10, 20, "v1").write("k", 40, 30, DELETE);
        assertThat(get("k", 39)).as("get \"k\" at 39; delete committed at 40").isEqualTo(GetResponse.found(b("v1")));
        assertThat(get("k", 45)).as("get \"k\" at 45; delete committed at 40").isEqualTo(GetResponse.missing());
    }

    @Graded(part = "4b", points = 2, order = 1)
    void getIsBlockedByAnEarlierLockOnly() {
        data.committed("k", 10, 20, "old").lock("k", "p", 100, 7, PUT).value("k", 100, "new");
        GetResponse blocked = GetResponse.failed(new KeyError.Locked(b("k"), b("p"), 100, 7));
        assertThat(get("k", 100)).as("get \"k\" at 100; locked by transaction 100 (primary \"p\", ttl 7)")
                .isEqualTo(blocked);
        assertThat(get("k", 150)).as("get \"k\" at 150; locked by transaction 100 (primary \"p\", ttl 7)")
                .isEqualTo(blocked);
        assertThat(get("k", 99)).as("get \"k\" at 99: the lock of transaction 100 cannot commit at or below 99")
                .isEqualTo(GetResponse.found(b("old")));
    }

    @Graded(part = "4b", points = 1, order = 1)
    void getReadsThroughWriteRecordsNeverRawData() {
        data.value("k", 100, "no write record").committed("j", 100, 110, "j");
        assertThat(get("k", 200)).as("get \"k\" at 200: default has \"k\"@100, write has nothing for \"k\"")
                .isEqualTo(GetResponse.missing());
    }

    @Graded(part = "4b", points = 1, order = 1)
    void getSkipsRolledBackVersions() {
        data.committed("k", 10, 20, "v1").value("k", 30, "rolled back").write("k", 30, 30, ROLLBACK);
        assertThat(get("k", 35)).as("get \"k\" at 35; committed at 20, transaction 30 rolled back")
                .isEqualTo(GetResponse.found(b("v1")));
    }

    @Graded(part = "4b", points = 1, order = 2)
    void getTakesNoLatchAndWritesNothing() {
        data.committed("k", 100, 110, "v");
        List<String> before = data.all();
        try (Latches.Guard busy = latches.acquire(List.of(b("k")))) {
            assertThat(commands.get(new GetRequest(b("k"), 200)))
                    .as("get \"k\" at 200 while a prewrite in progress holds the latch of \"k\" (reads take none)")
                    .isEqualTo(GetResponse.found(b("v")));
        }
        assertThat(storage.batches()).as("batches written by a get").isEmpty();
        assertThat(data.all()).as("families after a get").isEqualTo(before);
    }
}
