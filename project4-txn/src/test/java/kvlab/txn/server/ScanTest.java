package kvlab.txn.server;

import static kvlab.txn.mvcc.WriteKind.DELETE;
import static kvlab.txn.mvcc.WriteKind.PUT;
import static kvlab.txn.mvcc.WriteKind.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import kvlab.harness.grading.Graded;

/**
 * Project 4C: {@link ScanAndResolveCommands#scan}, on hand-made family contents. Entries read
 * {@code "k"="v"}, or {@code "k" Locked[...]} for a key whose lock blocks the scan.
 */
class ScanTest extends CommandTestBase {
    @Graded(part = "4c", points = 1, order = 0)
    void scanOfAnEmptyStoreIsEmpty() {
        assertThat(scan("", 10, 100)).as("scan from \"\" at 100, limit 10, on empty families").isEmpty();
    }

    @Graded(part = "4c", points = 2, order = 0)
    void scanReturnsEveryVisibleKeyInOrder() {
        data.committed("b", 10, 20, "b1").committed("a", 10, 20, "a1").committed("a", 30, 40, "a2")
                .committed("c", 50, 60, "c1").committed("a\0", 10, 20, "a0");
        assertThat(scan("", 10, 100)).as("scan from \"\" at 100, limit 10")
                .containsExactly("\"a\"=\"a2\"", "0x6100=\"a0\"", "\"b\"=\"b1\"", "\"c\"=\"c1\"");
        assertThat(scan("", 10, 45)).as("scan from \"\" at 45: \"a\" at its version of 40, \"c\" not yet")
                .containsExactly("\"a\"=\"a2\"", "0x6100=\"a0\"", "\"b\"=\"b1\"");
        assertThat(scan("", 10, 25)).as("scan from \"\" at 25")
                .containsExactly("\"a\"=\"a1\"", "0x6100=\"a0\"", "\"b\"=\"b1\"");
    }

    @Graded(part = "4c", points = 1, order = 1)
    void scanHonoursStartKeyAndLimit() {
        data.committed("a", 10, 20, "1").committed("b", 10, 20, "2").committed("c", 10, 20, "3")
                .committed("d", 10, 20, "4");
        assertThat(scan("b", 2, 100)).as("scan from \"b\", limit 2").containsExactly("\"b\"=\"2\"", "\"c\"=\"3\"");
        assertThat(scan("bb", 10, 100)).as("scan from \"bb\" (absent), limit 10")
                .containsExactly("\"c\"=\"3\"", "\"d\"=\"4\"");
        assertThat(scan("a", 0, 100)).as("scan with limit 0").isEmpty();
        assertThat(scan("e", 5, 100)).as("scan from past the last key").isEmpty();
    }

    @Graded(part = "4c", points = 2, order = 1)
    void scanSkipsDeletedRolledBackAndUncommittedKeys() {
        data.committed("a", 10, 20, "1").write("a", 40, 30, DELETE).committed("b", 10, 20, "2")
                .value("b", 30, "rolled back").write("b", 30, 30, ROLLBACK).write("c", 50, 50, ROLLBACK)
                .value("d", 60, "no record").committed("e", 10, 20, "5");
        assertThat(scan("", 3, 100)).as("scan at 100, limit 3: \"a\" deleted at 40, \"b\" has a rollback on top, "
                + "\"c\" only a rollback, \"d\" only a value; none of those counts toward the limit")
                .containsExactly("\"b\"=\"2\"", "\"e\"=\"5\"");
    }

    @Graded(part = "4c", points = 2, order = 2)
    void scanReportsEarlierLocksAndCountsThem() {
        data.committed("a", 10, 20, "1").lock("b", "b", 90, 5, PUT).value("b", 90, "staged")
                .committed("c", 10, 20, "3").lock("c", "c", 150, 5, PUT).committed("d", 10, 20, "4");
        assertThat(scan("", 3, 100)).as("scan at 100, limit 3: \"b\" (no committed version) locked by 90, "
                        + "\"c\" locked by 150 (after the scan's version)")
                .containsExactly("\"a\"=\"1\"", "\"b\" Locked[key \"b\" by transaction 90, primary \"b\", ttl 5]",
                        "\"c\"=\"3\"");
    }
}
