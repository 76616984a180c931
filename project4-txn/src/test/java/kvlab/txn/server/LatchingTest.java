package kvlab.txn.server;

import static kvlab.txn.MvccData.b;
import static kvlab.txn.mvcc.WriteKind.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kvlab.harness.engine.Modification;
import kvlab.harness.grading.Graded;
import kvlab.txn.mvcc.Bytes;
import kvlab.txn.mvcc.KeyCodec;

/**
 * Project 4B: the protocol of {@link Latches}. Every command test runs on a {@link LatchCheckedEngine}
 * already; these tests look at the protocol on its own.
 */
class LatchingTest extends CommandTestBase {
    @Graded(part = "4b", points = 2, order = 1)
    void everyKeyWrittenIsLatchedBeforeTheRead() {
        assertThat(prewrite(100, "a", put("a", "1"), put("b", "2"), delete("c"))).as("prewrite a, b, c at 100")
                .isEqualTo(PrewriteResponse.success());
        assertThat(commit(100, 110, "a", "b", "c")).as("commit a, b, c, 100 at 110").isEqualTo(CommitResponse.success());
        List<String> written = storage.batches().stream().flatMap(batch -> batch.modifications().stream())
                .map(LatchingTest::userKey).distinct().sorted().toList();
        assertThat(written).as("user keys written by the prewrite and the commit, each checked for its latch")
                .containsExactly("\"a\"", "\"b\"", "\"c\"");
    }

    @Graded(part = "4b", points = 2, order = 2)
    void aPrewriteOnALatchedKeyIsRefusedBeforeItReads() {
        try (Latches.Guard busy = latches.acquire(List.of(b("b")))) {
            assertThatThrownBy(() -> commands.prewrite(
                    new PrewriteRequest(List.of(put("a", "1"), put("b", "2")), b("a"), 100, TTL)))
                    .as("prewrite of a, b at 100 while another command holds the latch of \"b\"")
                    .isInstanceOf(LatchBusyException.class);
            assertThat(latches.heldKeys().stream().map(Bytes::show).toList())
                    .as("latches held after the refused prewrite: only the other command's").containsExactly("\"b\"");
        }
        assertThat(storage.readersOpened()).as("readers opened by a prewrite refused its latches").isZero();
        assertThat(data.all()).as("families after the refused prewrite").isEmpty();
    }

    @Graded(part = "4b", points = 1, order = 2)
    void aCommitOnALatchedKeyIsRefusedBeforeItReads() {
        data.lock("k", "k", 100, 5, PUT).value("k", 100, "v");
        List<String> before = data.all();
        try (Latches.Guard busy = latches.acquire(List.of(b("k")))) {
            assertThatThrownBy(() -> commands.commit(new CommitRequest(100, List.of(b("k")), 110)))
                    .as("commit of \"k\" while another command holds its latch").isInstanceOf(LatchBusyException.class);
        }
        assertThat(storage.readersOpened()).as("readers opened by a commit refused its latches").isZero();
        assertThat(data.all()).as("families after the refused commit").isEqualTo(before);
    }

    @Graded(part = "4b", points = 1, order = 2)
    void latchesAreReleasedWhenACommandAnswersWithAnError() {
        data.lock("k", "x", 90, 5, PUT);
        assertThat(prewrite(100, "k", put("k", "v")).errors()).as("errors of a prewrite of \"k\", locked by 90")
                .hasSize(1);
        assertThat(commit(100, 110, "k").error()).as("error of a commit of \"k\" without its lock").isPresent();
        // CommandTestBase has checked after each command that no latch is held; a new command can latch "k".
        assertThat(prewrite(90, "x", put("k", "again"))).as("a retried prewrite of transaction 90 on \"k\"")
                .isEqualTo(PrewriteResponse.success());
    }

    private static String userKey(Modification m) {
        return Bytes.show(m.cf().equals("lock") ? m.key() : KeyCodec.decodeUserKey(m.key()));
    }
}
