package kvlab.txn.server;

import java.util.Objects;
import kvlab.harness.engine.Engine;
import kvlab.txn.mvcc.MvccTxn;

/**
 * The server side of Percolator's transactions (§2.2): Get, Prewrite and Commit on any
 * {@link Engine}, through {@link MvccTxn}.
 *
 * <p>The contract the tests check:
 * <ol>
 *   <li><b>Latches.</b> Prewrite and Commit follow the protocol of {@link Latches}: latch every key of
 *       the request BEFORE opening a reader, write ONE batch ({@link MvccTxn#writes()}) while holding
 *       them, release them on every path. Get takes no latch.
 *   <li><b>All or nothing.</b> A Prewrite or Commit that answers with an error writes nothing.
 *   <li><b>Reads.</b> Get answers from write records ({@link MvccTxn#getValue}), never from raw data;
 *       a lock of a transaction that started at or before the read's version blocks it (the lock holder
 *       may commit below the version); a lock of a later transaction does not.
 *   <li><b>Prewrite</b>, per key, in this order: a write record with commit timestamp {@code >=} the
 *       start timestamp is a {@link KeyError.WriteConflict} (a rollback record of this very transaction
 *       included: it must not come back); a lock of another transaction is {@link KeyError.Locked}; a
 *       lock of this transaction is a retry and is simply written again. Each key has at most one
 *       error, and every failing key is reported. Success leaves, per key, a {@link Lock} (primary,
 *       start timestamp, ttl, the mutation's kind) and, for a put, the value at the start timestamp.
 *   <li><b>Commit</b>, per key: this transaction's lock becomes a write record at the commit timestamp
 *       (of the lock's kind) and the lock goes. Without that lock: a commit record of this transaction
 *       means done already (success, nothing written); its rollback record is {@link KeyError.RolledBack};
 *       nothing is {@link KeyError.LockNotFound}. The first failing key, in request order, is the answer.
 * </ol>
 *
 * <p>Not thread-safe (the server is single-threaded). A failure of the storage itself propagates.
 */
public final class TxnCommands {
    private final Engine storage;
    private final Latches latches;

    /** Commands over {@code storage}, serialised by {@code latches}; the caller keeps and closes both. */
    public TxnCommands(Engine storage, Latches latches) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.latches = Objects.requireNonNull(latches, "latches");
    }

    /** The value of the key at the request's version, or why it cannot be read yet (rule 3). */
    public GetResponse get(GetRequest request) {
        // TODO(4b): open a reader (close it) and an MvccTxn at the request's version; a lock whose
        // startTs <= version answers KeyError.Locked.of(key, lock); otherwise answer found or missing
        // from txn.getValue. No latch. Checked by GetTest#getReadsTheCommittedValue and
        // GetTest#getIsBlockedByAnEarlierLockOnly.
        throw new UnsupportedOperationException("not implemented: TODO(4b) TxnCommands.get");
    }

    /**
     * Locks every key of the request and stages its value, or reports every key that conflicts
     * (rules 1, 2 and 4).
     *
     * @throws LatchBusyException if a key is latched by a command in progress; nothing was read
     */
    public PrewriteResponse prewrite(PrewriteRequest request) {
        // TODO(4b): latch the mutations' keys, then open a reader and an MvccTxn at startTs; check every
        // key (write conflict first, then another transaction's lock) and answer all errors if any;
        // else stage each mutation (value or its removal, and the lock) and write txn.writes() once.
        // Checked by PrewriteTest#singlePrewriteLocksAndStagesTheValue and
        // PrewriteTest#prewriteOfAWrittenKeyIsAWriteConflict.
        throw new UnsupportedOperationException("not implemented: TODO(4b) TxnCommands.prewrite");
    }

    /**
     * Turns the transaction's locks on the request's keys into write records at the commit timestamp,
     * or answers the first key's error (rules 1, 2 and 5).
     *
     * @throws LatchBusyException if a key is latched by a command in progress; nothing was read
     */
    public CommitResponse commit(CommitRequest request) {
        // TODO(4b): latch the keys, then open a reader and an MvccTxn at startTs; for each key, turn this
        // transaction's lock into a write record and delete the lock, or look at txn.currentWrite to
        // tell done-already from RolledBack from LockNotFound; write txn.writes() once, only if no key
        // failed. Checked by CommitTest#singleCommitWritesTheRecordAndDropsTheLock and
        // CommitTest#commitOfARolledBackTransactionIsRejected.
        throw new UnsupportedOperationException("not implemented: TODO(4b) TxnCommands.commit");
    }
}
