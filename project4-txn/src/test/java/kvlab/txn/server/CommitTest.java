package kvlab.txn.server;

import static kvlab.txn.MvccData.b;
import static kvlab.txn.MvccData.lockEntry;
import static kvlab.txn.MvccData.valueEntry;
import static kvlab.txn.MvccData.writeEntry;
import static kvlab.txn.mvcc.WriteKind.DELETE;
import static kvlab.txn.mvcc.WriteKind.PUT;
import static kvlab.txn.mvcc.WriteKind.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kvlab.harness.grading.Graded;

/** Project 4B: {@link TxnCommands#commit}, on hand-made family contents. */
class CommitTest extends CommandTestBase {
    @Graded(part = "4b", points = 1, order = 0)
    void emptyCommitWritesNothing() {
        assertThat(commit(100, 110)).as("commit of no keys, 100 at 110").isEqualTo(CommitResponse.success());
        assertThat(data.all()).as("families after an empty commit").isEmpty();
    }

    @Graded(part = "4b", points = 2, order = 0)
    void singleCommitWritesTheRecordAndDropsTheLock() {
        data.lock("k", "k", 100, 5, PUT).value("k", 100, "v");
        assertThat(commit(100, 110, "k")).as("commit of \"k\", 100 at 110").isEqualTo(CommitResponse.success());
        assertThat(data.locks()).as("lock family after the commit").isEmpty();
        assertThat(data.values()).as("default family after the commit").containsExactly(valueEntry("k", 100, "v"));
        assertThat(data.writes()).as("write family after the commit").containsExactly(writeEntry("k", 110, 100, PUT));
        assertThat(get("k", 110)).as("get \"k\" at 110 after the commit").isEqualTo(GetResponse.found(b("v")));
    }

    @Graded(part = "4b", points = 1, order = 1)
    void commitOfADeleteWritesADeleteRecord() {
        data.committed("k", 10, 20, "old").lock("k", "k", 100, 5, DELETE);
        assertThat(commit(100, 110, "k")).as("commit of a delete of \"k\", 100 at 110")
                .isEqualTo(CommitResponse.success());
        assertThat(data.writes()).as("write family").containsExactly(writeEntry("k", 110, 100, DELETE),
                writeEntry("k", 20, 10, PUT));
        assertThat(get("k", 110)).as("get \"k\" at 110, deleted at 110").isEqualTo(GetResponse.missing());
        assertThat(get("k", 109)).as("get \"k\" at 109").isEqualTo(GetResponse.found(b("old")));
    }

    @Graded(part = "4b", points = 1, order = 1)
    void commitOverAnOlderVersionKeepsBoth() {
        data.committed("k", 10, 20, "old").lock("k", "k", 100, 5, PUT).value("k", 100, "new");
        assertThat(commit(100, 110, "k")).as("commit of \"k\", 100 at 110").isEqualTo(CommitResponse.success());
        assertThat(data.writes()).as("write family").containsExactly(writeEntry("k", 110, 100, PUT),
                writeEntry("k", 20, 10, PUT));
        assertThat(get("k", 109)).as("get \"k\" at 109").isEqualTo(GetResponse.found(b("old")));
        assertThat(get("k", 110)).as("get \"k\" at 110").isEqualTo(GetResponse.found(b("new")));
    }

    @Graded(part = "4b", points = 2, order = 1)
    void commitOfMultipleKeys() {
        data.lock("a", "b", 100, 5, PUT).value("a", 100, "1").lock("b", "b", 100, 5, PUT).value("b", 100, "2")
                .lock("c", "b", 100, 5, DELETE).lock("d", "b", 100, 5, PUT).value("d", 100, "4");
        assertThat(commit(100, 110, "a", "b", "c")).as("commit of a, b, c, 100 at 110")
                .isEqualTo(CommitResponse.success());
        assertThat(data.locks()).as("lock family: \"d\" was not in the request")
                .containsExactly(lockEntry("d", "b", 100, 5, PUT));
        assertThat(data.writes()).as("write family").containsExactly(writeEntry("a", 110, 100, PUT),
                writeEntry("b", 110, 100, PUT), writeEntry("c", 110, 100, DELETE));
        assertThat(storage.batches()).as("batches written by one commit (it must be atomic)").hasSize(1);
    }

    @Graded(part = "4b", points = 2, order = 1)
    void recommitIsASuccessThatWritesNothing() {
        data.committed("k", 100, 110, "v");
        List<String> before = data.all();
        assertThat(commit(100, 110, "k")).as("commit of \"k\", 100 at 110, again: \"k\" already committed at 110")
                .isEqualTo(CommitResponse.success());
        assertThat(data.all()).as("families after the repeated commit").isEqualTo(before);
    }

    @Graded(part = "4b", points = 2, order = 2)
    void commitOfARolledBackTransactionIsRejected() {
        data.value("k", 100, "v").write("k", 100, 100, ROLLBACK);
        List<String> before = data.all();
        assertThat(commit(100, 110, "k")).as("commit of \"k\", 100 at 110; transaction 100 was rolled back on \"k\"")
                .isEqualTo(CommitResponse.failed(new KeyError.RolledBack(b("k"), 100)));
        assertThat(data.all()).as("families after the rejected commit").isEqualTo(before);
    }

    @Graded(part = "4b", points = 2, order = 2)
    void commitRaceWithAnotherTransactionsLockIsLockNotFound() {
        data.lock("k", "k", 90, 5, PUT).value("k", 90, "theirs");
        List<String> before = data.all();
        assertThat(commit(100, 110, "k"))
                .as("commit of \"k\", 100 at 110; the lock on \"k\" belongs to transaction 90")
                .isEqualTo(CommitResponse.failed(new KeyError.LockNotFound(b("k"), 100)));
        assertThat(data.all()).as("families after the rejected commit: transaction 90's lock stays").isEqualTo(before);
    }

    @Graded(part = "4b", points = 1, order = 2)
    void commitWithoutPrewriteIsLockNotFound() {
        data.committed("k", 50, 60, "old");
        List<String> before = data.all();
        assertThat(commit(100, 110, "k")).as("commit of \"k\", 100 at 110; transaction 100 never prewrote \"k\"")
                .isEqualTo(CommitResponse.failed(new KeyError.LockNotFound(b("k"), 100)));
        assertThat(data.all()).as("families after the rejected commit").isEqualTo(before);
    }

    @Graded(part = "4b", points = 2, order = 2)
    void commitWithOneFailingKeyWritesNothing() {
        data.lock("a", "a", 100, 5, PUT).value("a", 100, "1").lock("c", "a", 100, 5, PUT).value("c", 100, "3")
                .write("b", 100, 100, ROLLBACK);
        List<String> before = data.all();
        assertThat(commit(100, 110, "a", "b", "c")).as("commit of a, b, c, 100 at 110; rolled back on \"b\"")
                .isEqualTo(CommitResponse.failed(new KeyError.RolledBack(b("b"), 100)));
        assertThat(data.all()).as("families after a commit that failed on \"b\"").isEqualTo(before);
    }

    @Graded(part = "4b", points = 2, order = 2)
    void prewriteCommitAndGetTogether() {
        data.committed("x", 10, 20, "x0");
        assertThat(prewrite(100, "x", put("x", "x1"), put("y", "y1"))).as("prewrite x, y at 100")
                .isEqualTo(PrewriteResponse.success());
        assertThat(get("y", 150)).as("get \"y\" at 150 while transaction 100 holds its lock")
                .isEqualTo(GetResponse.failed(new KeyError.Locked(b("y"), b("x"), 100, TTL)));
        assertThat(prewrite(105, "x", put("x", "lost"))).as("prewrite \"x\" at 105 while 100 holds it")
                .isEqualTo(new PrewriteResponse(List.of(new KeyError.Locked(b("x"), b("x"), 100, TTL))));
        assertThat(commit(100, 120, "x")).as("commit of primary \"x\", 100 at 120").isEqualTo(CommitResponse.success());
        assertThat(commit(100, 120, "y")).as("commit of secondary \"y\", 100 at 120").isEqualTo(CommitResponse.success());
        assertThat(get("x", 119)).as("get \"x\" at 119").isEqualTo(GetResponse.found(b("x0")));
        assertThat(get("y", 150)).as("get \"y\" at 150").isEqualTo(GetResponse.found(b("y1")));
        assertThat(prewrite(105, "x", put("x", "lost"))).as("prewrite \"x\" at 105 after 100 committed it at 120")
                .isEqualTo(new PrewriteResponse(List.of(new KeyError.WriteConflict(b("x"), b("x"), 105, 120))));
        assertThat(data.locks()).as("lock family at the end").isEmpty();
    }
}
