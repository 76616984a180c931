package kvlab.txn.mvcc;

import java.util.Objects;
import java.util.Optional;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;

/**
 * One command's view of the MVCC families for one transaction: it reads locks, values and write
 * records from an {@link EngineReader}'s snapshot, and buffers the locks, values and write records
 * the command wants to change, for the command to apply with one {@link #writes()} batch.
 *
 * <p>The contract the tests check:
 * <ol>
 *   <li><b>Layout.</b> Locks are keyed by the plain user key in {@code lock}; values by
 *       {@link KeyCodec#encode encode(key, startTs)} in {@code default}, the start timestamp being this
 *       transaction's; write records by {@code encode(key, commitTs)} in {@code write}. Locks and
 *       write records are stored as {@link Lock#toBytes()} and {@link Write#toBytes()}.
 *   <li><b>Buffering.</b> The put and delete methods touch no storage: each adds one modification to
 *       {@link #writes()}, in call order. Reads see the reader's snapshot only, NEVER the modifications
 *       buffered here.
 *   <li><b>Versions.</b> {@link #getValue} is the value a reader at this start timestamp sees: that of
 *       the newest write record with commit timestamp {@code <= startTs} that is not a rollback; none
 *       if that record is a delete or there is no such record. Data in {@code default} without a write
 *       record is not a value yet.
 * </ol>
 *
 * <p>Not thread-safe; one command uses it once. Keys are any byte strings, the empty one included.
 */
public final class MvccTxn {
    // Keep or replace these fields; add what you need (a WriteBatch.Builder, for one).
    private final EngineReader reader;
    private final long startTs;

    /** A transaction started at {@code startTs} (not negative), reading from {@code reader}. */
    public MvccTxn(EngineReader reader, long startTs) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.startTs = startTs;
    }

    /**
     * Everything buffered so far, in call order, as one batch marked {@link WriteBatch#sync() sync}:
     * a command must not answer before its changes are durable.
     */
    public WriteBatch writes() {
        // TODO(4a): return one batch (built with WriteBatch.builder() and sync()) of every
        // modification the put and delete methods buffered, in call order. Checked by
        // MvccTxnTest#bufferedChangesFollowTheLayoutInCallOrder.
        throw new UnsupportedOperationException("not implemented: TODO(4a) MvccTxn.writes");
    }

    /** Buffers the write record {@code write} of {@code key} at {@code commitTs}. */
    public void putWrite(byte[] key, long commitTs, Write write) {
        // TODO(4a): buffer a put of write.toBytes() at KeyCodec.encode(key, commitTs) in the write
        // family. Checked by MvccTxnTest#bufferedChangesFollowTheLayoutInCallOrder.
        throw new UnsupportedOperationException("not implemented: TODO(4a) MvccTxn.putWrite");
    }

    /** The lock on {@code key} in the snapshot, of whichever transaction holds it. */
    public Optional<Lock> getLock(byte[] key) {
        // TODO(4a): read the lock family at the plain key and parse it with Lock.parse. Checked by
        // MvccTxnTest#getLockReadsTheLockFamily.
        throw new UnsupportedOperationException("not implemented: TODO(4a) MvccTxn.getLock");
    }

    /** Buffers setting the lock of {@code key} to {@code lock}. */
    public void putLock(byte[] key, Lock lock) {
        // TODO(4a): buffer a put of lock.toBytes() at the plain key in the lock family. Checked by
        // MvccTxnTest#bufferedChangesFollowTheLayoutInCallOrder.
        throw new UnsupportedOperationException("not implemented: TODO(4a) MvccTxn.putLock");
    }

    /** Buffers removing the lock of {@code key}. */
    public void deleteLock(byte[] key) {
        // TODO(4a): buffer a delete of the plain key in the lock family. Checked by
        // MvccTxnTest#bufferedChangesFollowTheLayoutInCallOrder.
        throw new UnsupportedOperationException("not implemented: TODO(4a) MvccTxn.deleteLock");
    }

    /** The value of {@code key} visible at this transaction's start timestamp (rule 3). */
    public Optional<byte[]> getValue(byte[] key) {
        // TODO(4a): seek the write family to encode(key, startTs); walk this key's records newest
        // first, skipping rollbacks; a PUT record's value is in default at encode(key, record's
        // startTs), a DELETE means no value. Stop at the first record of another key. Checked by
        // MvccTxnTest#getValueAtAndAroundTheCommitTimestamp.
        throw new UnsupportedOperationException("not implemented: TODO(4a) MvccTxn.getValue");
    }

    /** Buffers the value of {@code key} written by this transaction (at its start timestamp). */
    public void putValue(byte[] key, byte[] value) {
        // TODO(4a): buffer a put of value at encode(key, startTs) in the default family. Checked by
        // MvccTxnTest#bufferedChangesFollowTheLayoutInCallOrder.
        throw new UnsupportedOperationException("not implemented: TODO(4a) MvccTxn.putValue");
    }

    /** Buffers removing the value of {@code key} written by this transaction. */
    public void deleteValue(byte[] key) {
        // TODO(4a): buffer a delete of encode(key, startTs) in the default family. Checked by
        // MvccTxnTest#bufferedChangesFollowTheLayoutInCallOrder.
        throw new UnsupportedOperationException("not implemented: TODO(4a) MvccTxn.deleteValue");
    }

    /**
     * The write record of {@code key} that this transaction made (its {@link Write#startTs()} is this
     * start timestamp): its commit, or its rollback.
     */
    public Optional<WriteRecord> currentWrite(byte[] key) {
        // TODO(4a): walk this key's write records newest first and return the one whose
        // Write.startTs() is this transaction's; records below startTs cannot be it. Checked by
        // MvccTxnTest#currentWriteFindsThisTransactionsRecord.
        throw new UnsupportedOperationException("not implemented: TODO(4a) MvccTxn.currentWrite");
    }

    /** The write record of {@code key} with the greatest commit timestamp, of any transaction. */
    public Optional<WriteRecord> mostRecentWrite(byte[] key) {
        // TODO(4a): the first write record of this key from a seek to encode(key, Long.MAX_VALUE).
        // Checked by MvccTxnTest#mostRecentWriteIsTheNewestOfAnyTransaction.
        throw new UnsupportedOperationException("not implemented: TODO(4a) MvccTxn.mostRecentWrite");
    }
}
