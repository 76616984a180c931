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

/** Project 4C: {@link ScanAndResolveCommands#batchRollback}, on hand-made family contents. */
class BatchRollbackTest extends CommandTestBase {
    @Graded(part = "4c", points = 1, order = 0)
    void emptyRollbackWritesNothing() {
        assertThat(rollback(100)).as("rollback of no keys").isEqualTo(BatchRollbackResponse.success());
        assertThat(data.all()).as("families after an empty rollback").isEmpty();
    }

    @Graded(part = "4c", points = 2, order = 0)
    void rollbackRemovesTheLockAndValueAndRecordsIt() {
        data.committed("a", 10, 20, "old").lock("a", "a", 100, 5, PUT).value("a", 100, "1")
                .lock("b", "a", 100, 5, DELETE);
        assertThat(rollback(100, "a", "b")).as("rollback of a, b by 100").isEqualTo(BatchRollbackResponse.success());
        assertThat(data.locks()).as("lock family after the rollback").isEmpty();
        assertThat(data.values()).as("default family after the rollback").containsExactly(valueEntry("a", 10, "old"));
        assertThat(data.writes()).as("write family after the rollback").containsExactly(
                writeEntry("a", 100, 100, ROLLBACK), writeEntry("a", 20, 10, PUT), writeEntry("b", 100, 100, ROLLBACK));
        assertThat(get("a", 200)).as("get \"a\" at 200 after the rollback").isEqualTo(GetResponse.found(b("old")));
    }

    @Graded(part = "4c", points = 1, order = 1)
    void repeatedRollbackIsASuccessThatWritesNothing() {
        data.write("k", 100, 100, ROLLBACK);
        List<String> before = data.all();
        assertThat(rollback(100, "k")).as("rollback of \"k\" by 100, rolled back already")
                .isEqualTo(BatchRollbackResponse.success());
        assertThat(data.all()).as("families after the repeated rollback").isEqualTo(before);
    }

    @Graded(part = "4c", points = 2, order = 1)
    void rollbackWithoutPrewriteStillRecordsIt() {
        assertThat(rollback(100, "k")).as("rollback of \"k\" by 100, which never prewrote it")
                .isEqualTo(BatchRollbackResponse.success());
        assertThat(data.writes()).as("write family").containsExactly(writeEntry("k", 100, 100, ROLLBACK));
        assertThat(prewrite(100, "k", put("k", "late"))).as("the late prewrite of \"k\" by 100")
                .isEqualTo(new PrewriteResponse(List.of(new KeyError.WriteConflict(b("k"), b("k"), 100, 100))));
    }

    @Graded(part = "4c", points = 2, order = 2)
    void rollbackOfACommittedKeyIsRefused() {
        data.lock("a", "b", 100, 5, PUT).value("a", 100, "1").committed("b", 100, 110, "2");
        List<String> before = data.all();
        assertThat(rollback(100, "a", "b")).as("rollback of a, b by 100, which committed \"b\" at 110")
                .isEqualTo(BatchRollbackResponse.failed(new KeyError.Committed(b("b"), 100, 110)));
        assertThat(data.all()).as("families after the refused rollback").isEqualTo(before);
    }

    @Graded(part = "4c", points = 2, order = 2)
    void rollbackLeavesAnotherTransactionsLockAlone() {
        data.lock("k", "k", 90, 5, PUT).value("k", 90, "theirs");
        assertThat(rollback(100, "k")).as("rollback of \"k\" by 100; \"k\" is locked by 90")
                .isEqualTo(BatchRollbackResponse.success());
        assertThat(data.locks()).as("lock family").containsExactly(lockEntry("k", "k", 90, 5, PUT));
        assertThat(data.values()).as("default family").containsExactly(valueEntry("k", 90, "theirs"));
        assertThat(data.writes()).as("write family").containsExactly(writeEntry("k", 100, 100, ROLLBACK));
        assertThat(commit(100, 110, "k")).as("a late commit of \"k\" by 100")
                .isEqualTo(CommitResponse.failed(new KeyError.RolledBack(b("k"), 100)));
    }
}
