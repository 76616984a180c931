package kvlab.txn.mvcc;

import static kvlab.txn.MvccData.b;
import static kvlab.txn.MvccData.lockEntry;
import static kvlab.txn.MvccData.valueEntry;
import static kvlab.txn.MvccData.writeEntry;
import static kvlab.txn.mvcc.WriteKind.DELETE;
import static kvlab.txn.mvcc.WriteKind.PUT;
import static kvlab.txn.mvcc.WriteKind.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;
import kvlab.harness.engine.memory.MemoryEngine;
import kvlab.harness.grading.Graded;
import kvlab.txn.MvccData;
import org.junit.jupiter.api.AfterEach;

/**
 * Project 4A: {@link MvccTxn} over hand-made family contents on the provided {@link MemoryEngine}.
 * Timestamps follow one story: a transaction starting at 100 commits at 110, and so on.
 */
class MvccTxnTest {
    private final MemoryEngine storage = new MemoryEngine(new SimDisk());
    private final MvccData data = new MvccData(storage);

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Graded(part = "4a", points = 2, order = 0)
    void bufferedChangesFollowTheLayoutInCallOrder() {
        try (EngineReader reader = storage.reader()) {
            MvccTxn txn = new MvccTxn(reader, 100);
            txn.putValue(b("k"), b("v"));
            txn.putLock(b("k"), new Lock(b("p"), 100, 7, PUT));
            txn.putWrite(b("k"), 110, new Write(100, PUT));
            txn.deleteLock(b("k"));
            txn.deleteValue(b("gone"));
            WriteBatch batch = txn.writes();
            assertThat(batch.modifications().stream().map(MvccData::describe).toList())
                    .as("modifications buffered by a transaction at 100, in call order")
                    .containsExactly(valueEntry("k", 100, "v"), lockEntry("k", "p", 100, 7, PUT),
                            writeEntry("k", 110, 100, PUT), "delete lock \"k\"", "delete default \"gone\"@100");
            assertThat(batch.sync()).as("writes() is marked sync: a command answers only after it is durable").isTrue();
        }
        assertThat(data.all()).as("storage after buffering, before anyone writes the batch").isEmpty();
    }

    @Graded(part = "4a", points = 1, order = 0)
    void readsDoNotSeeBufferedChanges() {
        try (EngineReader reader = storage.reader()) {
            MvccTxn txn = new MvccTxn(reader, 120);
            txn.putLock(b("k"), new Lock(b("k"), 120, 7, PUT));
            txn.putValue(b("k"), b("v"));
            txn.putWrite(b("k"), 110, new Write(100, PUT));
            assertThat(txn.getLock(b("k"))).as("getLock(\"k\") after putLock, before the batch is written").isEmpty();
            assertThat(txn.getValue(b("k"))).as("getValue(\"k\") after putValue and putWrite, unwritten").isEmpty();
            assertThat(txn.mostRecentWrite(b("k"))).as("mostRecentWrite(\"k\") after putWrite, unwritten").isEmpty();
        }
    }

    @Graded(part = "4a", points = 1, order = 0)
    void getLockReadsTheLockFamily() {
        data.lock("k", "p", 90, 5, DELETE).lock("k2", "k2", 95, 6, PUT);
        try (EngineReader reader = storage.reader()) {
            MvccTxn txn = new MvccTxn(reader, 100);
            assertThat(txn.getLock(b("k"))).as("getLock(\"k\"), locked by transaction 90")
                    .contains(new Lock(b("p"), 90, 5, DELETE));
            assertThat(txn.getLock(b("k1"))).as("getLock(\"k1\"), never locked").isEmpty();
            assertThat(txn.getLock(b(""))).as("getLock of the empty key").isEmpty();
        }
    }

    @Graded(part = "4a", points = 2, order = 1)
    void getValueAtAndAroundTheCommitTimestamp() {
        data.committed("k", 100, 110, "v");
        assertThat(valueAt("k", 99)).as("\"k\" (written at 100, committed at 110) read at 99").isEmpty();
        assertThat(valueAt("k", 100)).as("\"k\" (written at 100, committed at 110) read at 100").isEmpty();
        assertThat(valueAt("k", 109)).as("\"k\" (written at 100, committed at 110) read at 109").isEmpty();
        assertThat(valueAt("k", 110)).as("\"k\" (written at 100, committed at 110) read at 110").contains("v");
        assertThat(valueAt("k", 111)).as("\"k\" (written at 100, committed at 110) read at 111").contains("v");
        assertThat(valueAt("k", Long.MAX_VALUE)).as("\"k\" read at Long.MAX_VALUE").contains("v");
    }

    @Graded(part = "4a", points = 2, order = 1)
    void getValuePicksTheNewestVisibleVersion() {
        data.committed("k", 10, 20, "v1").committed("k", 30, 40, "v2").committed("k", 50, 60, "v3");
        assertThat(valueAt("k", 15)).as("\"k\" at 15; versions committed at 20, 40, 60").isEmpty();
        assertThat(valueAt("k", 25)).as("\"k\" at 25; versions committed at 20, 40, 60").contains("v1");
        assertThat(valueAt("k", 40)).as("\"k\" at 40; versions committed at 20, 40, 60").contains("v2");
        assertThat(valueAt("k", 59)).as("\"k\" at 59; versions committed at 20, 40, 60").contains("v2");
        assertThat(valueAt("k", 1000)).as("\"k\" at 1000; versions committed at 20, 40, 60").contains("v3");
    }

    @Graded(part = "4a", points = 1, order = 1)
    void getValueOfADeletedKeyIsEmpty() {
        data.committed("k", 10, 20, "v1").write("k", 40, 30, DELETE).committed("k", 50, 60, "v3");
        assertThat(valueAt("k", 39)).as("\"k\" at 39, before its delete committed at 40").contains("v1");
        assertThat(valueAt("k", 40)).as("\"k\" at 40, when its delete committed").isEmpty();
        assertThat(valueAt("k", 59)).as("\"k\" at 59, after the delete").isEmpty();
        assertThat(valueAt("k", 60)).as("\"k\" at 60, written again").contains("v3");
    }

    @Graded(part = "4a", points = 1, order = 1)
    void getValueSkipsRollbacks() {
        data.committed("k", 10, 20, "v1").write("k", 30, 30, ROLLBACK).write("only-rollback", 30, 30, ROLLBACK);
        assertThat(valueAt("k", 35)).as("\"k\" at 35: committed at 20, rollback record at 30").contains("v1");
        assertThat(valueAt("only-rollback", 35)).as("a key whose only record is a rollback").isEmpty();
    }

    @Graded(part = "4a", points = 1, order = 2)
    void getValueIgnoresNeighbouringKeys() {
        data.committed("a\0", 10, 20, "a-zero").committed("ab", 10, 20, "ab").committed("", 30, 40, "empty")
                .committed("abcdefgh1", 10, 20, "nine bytes");
        assertThat(valueAt("a", 100)).as("\"a\", which has no versions, beside \"a\\0\" and \"ab\"").isEmpty();
        assertThat(valueAt("", 100)).as("the empty key, committed at 40").contains("empty");
        assertThat(valueAt("", 35)).as("the empty key at 35, before its commit at 40").isEmpty();
        assertThat(valueAt("abcdefgh", 100)).as("\"abcdefgh\" (no versions) beside \"abcdefgh1\"").isEmpty();
        assertThat(valueAt("ab", 100)).as("\"ab\" (committed at 20)").contains("ab");
    }

    @Graded(part = "4a", points = 1, order = 2)
    void getValueIgnoresUncommittedData() {
        data.value("k", 100, "staged").lock("k", "k", 100, 5, PUT).value("j", 100, "no write record");
        assertThat(valueAt("k", 200)).as("\"k\": a value and a lock at 100, no write record").isEmpty();
        assertThat(valueAt("j", 200)).as("\"j\": a value at 100, no write record").isEmpty();
    }

    @Graded(part = "4a", points = 1, order = 2)
    void getValueReadsTheValueAtTheStartTimestamp() {
        data.value("k", 100, "at start").value("k", 110, "at commit").write("k", 110, 100, PUT);
        assertThat(valueAt("k", 120))
                .as("\"k\" committed at 110 by transaction 100: its value is default \"k\"@100, not @110")
                .contains("at start");
    }

    @Graded(part = "4a", points = 2, order = 1)
    void currentWriteFindsThisTransactionsRecord() {
        data.write("k", 110, 100, PUT).write("k", 130, 120, DELETE).write("k", 140, 140, ROLLBACK)
                .write("k", 150, 145, PUT);
        assertThat(writeRecord("k", 100, true)).as("currentWrite(\"k\") of transaction 100")
                .contains(new WriteRecord(110, new Write(100, PUT)));
        assertThat(writeRecord("k", 120, true)).as("currentWrite(\"k\") of transaction 120")
                .contains(new WriteRecord(130, new Write(120, DELETE)));
        assertThat(writeRecord("k", 140, true)).as("currentWrite(\"k\") of transaction 140, rolled back")
                .contains(new WriteRecord(140, new Write(140, ROLLBACK)));
    }

    @Graded(part = "4a", points = 1, order = 2)
    void currentWriteIgnoresOtherTransactionsAndKeys() {
        data.write("k", 110, 100, PUT).write("k0", 110, 105, PUT).write("j", 110, 105, PUT);
        assertThat(writeRecord("k", 105, true)).as("currentWrite(\"k\") of transaction 105, which wrote only "
                + "\"j\" and \"k0\"; \"k\" has a record of transaction 100").isEmpty();
        assertThat(writeRecord("k", 110, true)).as("currentWrite(\"k\") of transaction 110: 110 is the commit "
                + "timestamp of transaction 100, not a start timestamp").isEmpty();
    }

    @Graded(part = "4a", points = 2, order = 1)
    void mostRecentWriteIsTheNewestOfAnyTransaction() {
        data.write("k", 110, 100, PUT).write("k", 140, 140, ROLLBACK).write("k", 130, 120, DELETE);
        assertThat(writeRecord("k", 50, false)).as("mostRecentWrite(\"k\") for a transaction at 50; records "
                + "at 110, 130, 140").contains(new WriteRecord(140, new Write(140, ROLLBACK)));
        assertThat(writeRecord("k", 500, false)).as("mostRecentWrite(\"k\") for a transaction at 500")
                .contains(new WriteRecord(140, new Write(140, ROLLBACK)));
    }

    @Graded(part = "4a", points = 1, order = 2)
    void mostRecentWriteIgnoresOtherKeys() {
        data.write("k\0", 110, 100, PUT).write("j", 120, 115, PUT).write("", 130, 125, PUT);
        assertThat(writeRecord("k", 200, false)).as("mostRecentWrite(\"k\") beside \"j\", \"k\\0\" and \"\"")
                .isEmpty();
        assertThat(writeRecord("", 200, false)).as("mostRecentWrite of the empty key")
                .contains(new WriteRecord(130, new Write(125, PUT)));
    }

    /** getValue of {@code key} for a transaction at {@code ts}, as UTF-8. */
    private Optional<String> valueAt(String key, long ts) {
        try (EngineReader reader = storage.reader()) {
            return new MvccTxn(reader, ts).getValue(b(key)).map(v -> new String(v, StandardCharsets.UTF_8));
        }
    }

    /** currentWrite (if {@code current}) or mostRecentWrite of {@code key} for a transaction at {@code ts}. */
    private Optional<WriteRecord> writeRecord(String key, long ts, boolean current) {
        try (EngineReader reader = storage.reader()) {
            MvccTxn txn = new MvccTxn(reader, ts);
            return current ? txn.currentWrite(b(key)) : txn.mostRecentWrite(b(key));
        }
    }
}
