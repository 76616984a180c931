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

/** Project 4C: {@link ScanAndResolveCommands#resolveLock}, on hand-made family contents. */
class ResolveLockTest extends CommandTestBase {
    @Graded(part = "4c", points = 2, order = 0)
    void resolveCommitsEveryLockOfTheTransaction() {
        data.lock("a", "p", 100, 5, PUT).value("a", 100, "1").lock("b", "p", 100, 5, DELETE)
                .lock("c", "c", 90, 5, PUT).committed("p", 100, 120, "0");
        assertThat(resolve(100, 120)).as("resolve the locks of 100, committed at 120")
                .isEqualTo(new ResolveLockResponse(2));
        assertThat(data.locks()).as("lock family: only transaction 90's lock is left")
                .containsExactly(lockEntry("c", "c", 90, 5, PUT));
        assertThat(data.writes()).as("write family").containsExactly(writeEntry("a", 120, 100, PUT),
                writeEntry("b", 120, 100, DELETE), writeEntry("p", 120, 100, PUT));
        assertThat(get("a", 120)).as("get \"a\" at 120 after resolving").isEqualTo(GetResponse.found(b("1")));
    }

    @Graded(part = "4c", points = 2, order = 1)
    void resolveRollsBackEveryLockOfTheTransaction() {
        data.committed("a", 10, 20, "old").lock("a", "p", 100, 5, PUT).value("a", 100, "1")
                .lock("b", "p", 100, 5, PUT).value("b", 100, "2").lock("c", "c", 90, 5, PUT);
        assertThat(resolve(100, 0)).as("resolve the locks of 100 by rolling back").isEqualTo(new ResolveLockResponse(2));
        assertThat(data.locks()).as("lock family").containsExactly(lockEntry("c", "c", 90, 5, PUT));
        assertThat(data.values()).as("default family").containsExactly(valueEntry("a", 10, "old"));
        assertThat(data.writes()).as("write family").containsExactly(writeEntry("a", 100, 100, ROLLBACK),
                writeEntry("a", 20, 10, PUT), writeEntry("b", 100, 100, ROLLBACK));
    }

    @Graded(part = "4c", points = 1, order = 1)
    void resolveWithoutLocksWritesNothing() {
        data.committed("a", 100, 110, "1").lock("b", "b", 90, 5, PUT);
        List<String> before = data.all();
        assertThat(resolve(100, 110)).as("resolve 100 at 110, which holds no lock any more")
                .isEqualTo(new ResolveLockResponse(0));
        assertThat(data.all()).as("families after resolving nothing").isEqualTo(before);
    }

    @Graded(part = "4c", points = 2, order = 2)
    void resolveLatchesTheKeysItWrites() {
        data.lock("a", "a", 100, 5, PUT).value("a", 100, "1").lock("z", "a", 100, 5, PUT).value("z", 100, "2");
        assertThat(resolve(100, 110)).as("resolve 100 at 110").isEqualTo(new ResolveLockResponse(2));
        assertThat(storage.batches()).as("batches written by one resolve (it must be atomic)").hasSize(1);
        assertThat(data.locks()).as("lock family after resolving").isEmpty();
    }
}
