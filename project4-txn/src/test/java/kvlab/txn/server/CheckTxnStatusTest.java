package kvlab.txn.server;

import static kvlab.txn.MvccData.b;
import static kvlab.txn.MvccData.lockEntry;
import static kvlab.txn.MvccData.valueEntry;
import static kvlab.txn.MvccData.writeEntry;
import static kvlab.txn.mvcc.Timestamps.compose;
import static kvlab.txn.mvcc.WriteKind.PUT;
import static kvlab.txn.mvcc.WriteKind.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kvlab.harness.grading.Graded;
import kvlab.txn.server.CheckTxnStatusResponse.Cause;

/**
 * Project 4C: {@link ScanAndResolveCommands#checkTxnStatus}. Transaction {@code T} starts at physical
 * time 100 ms, its lock lives 10 ms.
 */
class CheckTxnStatusTest extends CommandTestBase {
    private static final long T = compose(100, 3);

    @Graded(part = "4c", points = 2, order = 0)
    void liveLockIsReportedAndKept() {
        data.lock("p", "p", T, 10, PUT).value("p", T, "v");
        List<String> before = data.all();
        assertThat(checkTxnStatus("p", T, compose(109, 999))).as("status of %d (100 ms, ttl 10) at 109 ms", T)
                .isEqualTo(new CheckTxnStatusResponse.LockAlive(10));
        assertThat(data.all()).as("families after checking a live lock").isEqualTo(before);
    }

    @Graded(part = "4c", points = 2, order = 1)
    void expiredLockIsRolledBack() {
        data.committed("p", 10, 20, "old").lock("p", "p", T, 10, PUT).value("p", T, "v");
        assertThat(checkTxnStatus("p", T, compose(110, 0))).as("status of %d (100 ms, ttl 10) at 110 ms", T)
                .isEqualTo(new CheckTxnStatusResponse.RolledBack(Cause.TTL_EXPIRED));
        assertThat(data.locks()).as("lock family after the rollback").isEmpty();
        assertThat(data.values()).as("default family: the staged value is gone").containsExactly(valueEntry("p", 10, "old"));
        assertThat(data.writes()).as("write family: a rollback record at %d", T)
                .containsExactly(writeEntry("p", T, T, ROLLBACK), writeEntry("p", 20, 10, PUT));
    }

    @Graded(part = "4c", points = 1, order = 1)
    void committedTransactionReportsItsCommitTimestamp() {
        long commitTs = compose(105, 0);
        data.committed("p", T, commitTs, "v");
        List<String> before = data.all();
        assertThat(checkTxnStatus("p", T, compose(500, 0))).as("status of %d, committed at %d", T, commitTs)
                .isEqualTo(new CheckTxnStatusResponse.Committed(commitTs));
        assertThat(data.all()).as("families after checking a committed transaction").isEqualTo(before);
    }

    @Graded(part = "4c", points = 1, order = 1)
    void rolledBackTransactionIsReportedAsIs() {
        data.write("p", T, T, ROLLBACK);
        List<String> before = data.all();
        assertThat(checkTxnStatus("p", T, compose(500, 0))).as("status of %d, rolled back earlier", T)
                .isEqualTo(new CheckTxnStatusResponse.RolledBack(Cause.EARLIER));
        assertThat(data.all()).as("families after checking a rolled-back transaction").isEqualTo(before);
    }

    @Graded(part = "4c", points = 2, order = 2)
    void missingLockIsRolledBackSoALatePrewriteFails() {
        data.lock("p", "q", compose(90, 0), 10, PUT);
        assertThat(checkTxnStatus("p", T, compose(101, 0)))
                .as("status of %d whose primary \"p\" has no lock of its own (another transaction's lock)", T)
                .isEqualTo(new CheckTxnStatusResponse.RolledBack(Cause.LOCK_NOT_FOUND));
        assertThat(data.locks()).as("lock family: the other transaction's lock stays")
                .containsExactly(lockEntry("p", "q", compose(90, 0), 10, PUT));
        assertThat(data.writes()).as("write family").containsExactly(writeEntry("p", T, T, ROLLBACK));
        assertThat(prewrite(T, "p", put("p", "late"), put("s", "late")).errors())
                .as("errors of the prewrite of %d arriving after the check rolled it back", T)
                .contains(new KeyError.WriteConflict(b("p"), b("p"), T, T));
    }
}
