package kvlab.txn.server;

import static kvlab.txn.MvccData.b;
import static kvlab.txn.MvccData.lockEntry;
import static kvlab.txn.MvccData.valueEntry;
import static kvlab.txn.mvcc.WriteKind.DELETE;
import static kvlab.txn.mvcc.WriteKind.PUT;
import static kvlab.txn.mvcc.WriteKind.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kvlab.harness.grading.Graded;

/** Project 4B: {@link TxnCommands#prewrite}, on hand-made family contents. */
class PrewriteTest extends CommandTestBase {
    @Graded(part = "4b", points = 1, order = 0)
    void emptyPrewriteWritesNothing() {
        assertThat(prewrite(100, "k")).as("prewrite of no mutations at 100").isEqualTo(PrewriteResponse.success());
        assertThat(data.all()).as("families after an empty prewrite").isEmpty();
    }

    @Graded(part = "4b", points = 2, order = 0)
    void singlePrewriteLocksAndStagesTheValue() {
        assertThat(prewrite(100, "k", put("k", "v"))).as("prewrite of \"k\"=\"v\" at 100 on empty families")
                .isEqualTo(PrewriteResponse.success());
        assertThat(data.locks()).as("lock family after the prewrite").containsExactly(lockEntry("k", "k", 100, TTL, PUT));
        assertThat(data.values()).as("default family after the prewrite").containsExactly(valueEntry("k", 100, "v"));
        assertThat(data.writes()).as("write family after the prewrite (nothing is committed)").isEmpty();
    }

    @Graded(part = "4b", points = 1, order = 0)
    void prewriteOfADeleteLocksWithoutAValue() {
        data.committed("k", 10, 20, "old");
        assertThat(prewrite(100, "k", delete("k"))).as("prewrite of a delete of \"k\" at 100")
                .isEqualTo(PrewriteResponse.success());
        assertThat(data.locks()).as("lock family after prewriting a delete").containsExactly(lockEntry("k", "k", 100, TTL, DELETE));
        assertThat(data.values()).as("default family after prewriting a delete: only the old value")
                .containsExactly(valueEntry("k", 10, "old"));
    }

    @Graded(part = "4b", points = 2, order = 1)
    void prewriteOfALockedKeyIsRejected() {
        data.lock("k", "p", 90, 5, PUT).value("k", 90, "theirs");
        List<String> before = data.all();
        assertThat(prewrite(100, "k", put("k", "mine"))).as("prewrite of \"k\" at 100; locked by transaction 90")
                .isEqualTo(new PrewriteResponse(List.of(new KeyError.Locked(b("k"), b("p"), 90, 5))));
        assertThat(data.all()).as("families after a rejected prewrite").isEqualTo(before);
    }

    @Graded(part = "4b", points = 1, order = 1)
    void prewriteOfAKeyLockedByALaterTransactionIsRejected() {
        data.lock("k", "k", 110, 5, DELETE);
        List<String> before = data.all();
        assertThat(prewrite(100, "k", put("k", "mine"))).as("prewrite of \"k\" at 100; locked by transaction 110")
                .isEqualTo(new PrewriteResponse(List.of(new KeyError.Locked(b("k"), b("k"), 110, 5))));
        assertThat(data.all()).as("families after a rejected prewrite").isEqualTo(before);
    }

    @Graded(part = "4b", points = 2, order = 1)
    void prewriteOfAWrittenKeyIsAWriteConflict() {
        data.committed("k", 90, 110, "theirs");
        List<String> before = data.all();
        assertThat(prewrite(100, "p", put("k", "mine")))
                .as("prewrite of \"k\" at 100 (primary \"p\"); transaction 90 committed \"k\" at 110")
                .isEqualTo(new PrewriteResponse(List.of(new KeyError.WriteConflict(b("k"), b("p"), 100, 110))));
        assertThat(data.all()).as("families after a write conflict").isEqualTo(before);
    }

    @Graded(part = "4b", points = 1, order = 2)
    void prewriteAfterItsOwnRollbackIsAWriteConflict() {
        data.write("k", 100, 100, ROLLBACK);
        List<String> before = data.all();
        assertThat(prewrite(100, "k", put("k", "late")))
                .as("prewrite of \"k\" at 100 after transaction 100 was rolled back (record at 100 = startTs)")
                .isEqualTo(new PrewriteResponse(List.of(new KeyError.WriteConflict(b("k"), b("k"), 100, 100))));
        assertThat(data.all()).as("families after the late prewrite").isEqualTo(before);
    }

    @Graded(part = "4b", points = 2, order = 1)
    void prewriteOfAKeyWrittenEarlierSucceeds() {
        data.committed("k", 80, 90, "old");
        assertThat(prewrite(100, "k", put("k", "new"))).as("prewrite of \"k\" at 100; last commit of \"k\" at 90")
                .isEqualTo(PrewriteResponse.success());
        assertThat(data.locks()).as("lock family").containsExactly(lockEntry("k", "k", 100, TTL, PUT));
        assertThat(data.values()).as("default family").containsExactly(valueEntry("k", 100, "new"), valueEntry("k", 80, "old"));
    }

    @Graded(part = "4b", points = 2, order = 1)
    void prewriteOfMultipleKeysLocksThemAll() {
        assertThat(prewrite(100, "b", put("a", "1"), put("b", "2"), delete("c")))
                .as("prewrite of a, b and a delete of c at 100, primary \"b\"").isEqualTo(PrewriteResponse.success());
        assertThat(data.locks()).as("lock family").containsExactly(lockEntry("a", "b", 100, TTL, PUT),
                lockEntry("b", "b", 100, TTL, PUT), lockEntry("c", "b", 100, TTL, DELETE));
        assertThat(data.values()).as("default family").containsExactly(valueEntry("a", 100, "1"), valueEntry("b", 100, "2"));
        assertThat(storage.batches()).as("batches written by one prewrite (it must be atomic)").hasSize(1);
    }

    @Graded(part = "4b", points = 2, order = 2)
    void prewriteRetryIsIdempotent() {
        prewrite(100, "a", put("a", "1"), put("b", "2"));
        List<String> once = data.all();
        assertThat(prewrite(100, "a", put("a", "1"), put("b", "2"))).as("the same prewrite at 100, again")
                .isEqualTo(PrewriteResponse.success());
        assertThat(data.all()).as("families after the retried prewrite").isEqualTo(once);
    }

    @Graded(part = "4b", points = 2, order = 2)
    void prewriteWithOneConflictWritesNothing() {
        data.lock("b", "x", 90, 5, PUT);
        List<String> before = data.all();
        assertThat(prewrite(100, "a", put("a", "1"), put("b", "2"), put("c", "3")))
                .as("prewrite of a, b, c at 100; \"b\" locked by transaction 90")
                .isEqualTo(new PrewriteResponse(List.of(new KeyError.Locked(b("b"), b("x"), 90, 5))));
        assertThat(data.all()).as("families after a prewrite that failed on \"b\": \"a\" and \"c\" not locked either")
                .isEqualTo(before);
    }

    @Graded(part = "4b", points = 2, order = 2)
    void prewriteReportsEveryConflictingKey() {
        data.committed("c", 90, 120, "theirs").lock("a", "x", 95, 5, PUT).lock("c", "y", 130, 5, PUT);
        assertThat(prewrite(100, "b", put("a", "1"), put("b", "2"), put("c", "3")).errors())
                .as("errors of a prewrite of a, b, c at 100; \"a\" locked by 95, \"c\" committed at 120 and "
                        + "locked by 130: one error per failing key, in request order, the write conflict first")
                .containsExactly(new KeyError.Locked(b("a"), b("x"), 95, 5),
                        new KeyError.WriteConflict(b("c"), b("b"), 100, 120));
    }
}
