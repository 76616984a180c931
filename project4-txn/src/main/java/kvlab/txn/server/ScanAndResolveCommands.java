package kvlab.txn.server;

import java.util.Objects;
import kvlab.harness.engine.Engine;
import kvlab.txn.mvcc.Scanner;
import kvlab.txn.mvcc.Timestamps;
import kvlab.txn.mvcc.WriteKind;

/**
 * The commands a Percolator client needs besides Get, Prewrite and Commit: Scan, and the three that
 * settle the locks of a transaction whose client went away (Percolator §2.2, "lazy cleanup").
 *
 * <p>The contract the tests check (rules 1 and 2 of {@link TxnCommands} hold here too: latches per
 * {@link Latches}, one batch, nothing written on an error):
 * <ol>
 *   <li><b>Scan</b> walks the keys with a {@link Scanner} and answers, per key, what Get would: a lock
 *       of a transaction that started at or before the version is a {@link KeyError.Locked} entry;
 *       otherwise the visible value, if any (deleted and never-committed keys are skipped). Both kinds
 *       of entry count toward the limit. No latch.
 *   <li><b>Rolling back</b> transaction {@code ts} on a key means: remove its lock and staged value if
 *       it holds the lock, and ALWAYS write a {@link WriteKind#ROLLBACK} record at
 *       {@code encode(key, ts)}, so that a prewrite arriving late fails. Another transaction's lock
 *       is left alone. A key with a rollback record of {@code ts} needs nothing more; a key
 *       transaction {@code ts} committed cannot be rolled back ({@link KeyError.Committed}).
 *   <li><b>CheckTxnStatus</b> looks at the primary: its live lock is {@link
 *       CheckTxnStatusResponse.LockAlive}; a lock whose ttl has run out (the physical part of
 *       {@code currentTs} at or past that of {@code lockTs} plus the ttl, see {@link Timestamps}) is
 *       rolled back; a commit record is {@link CheckTxnStatusResponse.Committed}; a rollback record
 *       means rolled back {@code EARLIER}; nothing at all is rolled back now, {@code LOCK_NOT_FOUND}.
 *   <li><b>ResolveLock</b> finds every lock of the transaction with a first reader, latches those keys,
 *       then, with a second reader, commits them at the commit timestamp (as Commit does) or rolls
 *       them back (rule 2).
 * </ol>
 *
 * <p>Not thread-safe. A failure of the storage itself propagates.
 */
public final class ScanAndResolveCommands {
    // Keep or replace these fields; add what you need.
    private final Engine storage;
    private final Latches latches;

    /** Commands over {@code storage}, serialised by {@code latches}; the caller keeps and closes both. */
    public ScanAndResolveCommands(Engine storage, Latches latches) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.latches = Objects.requireNonNull(latches, "latches");
    }

    /** Up to {@code limit} entries from the start key on, as of the request's version (rule 1). */
    public ScanResponse scan(ScanRequest request) {
        // TODO(4c): with one reader, a Scanner and an MvccTxn at the version, take keys until limit
        // entries are collected: an earlier lock gives KvPair.failed(key, KeyError.Locked.of(...)), a
        // visible value KvPair.of, anything else nothing. Checked by
        // ScanTest#scanReturnsEveryVisibleKeyInOrder and ScanTest#scanReportsEarlierLocksAndCountsThem.
        throw new UnsupportedOperationException("not implemented: TODO(4c) ScanAndResolveCommands.scan");
    }

    /**
     * The fate of the transaction, by its primary; rolls it back if its lock expired or never came
     * (rule 3).
     *
     * @throws LatchBusyException if the primary is latched by a command in progress; nothing was read
     */
    public CheckTxnStatusResponse checkTxnStatus(CheckTxnStatusRequest request) {
        // TODO(4c): latch the primary, then read its lock (only one of transaction lockTs counts): alive,
        // or expired (compare Timestamps.physical of both timestamps with the ttl) and rolled back;
        // without it, txn.currentWrite tells Committed from RolledBack(EARLIER), and nothing at all
        // means writing a rollback record. Checked by CheckTxnStatusTest#expiredLockIsRolledBack.
        throw new UnsupportedOperationException("not implemented: TODO(4c) ScanAndResolveCommands.checkTxnStatus");
    }

    /**
     * Rolls the transaction back on every key of the request, or answers the first committed key
     * (rule 2).
     *
     * @throws LatchBusyException if a key is latched by a command in progress; nothing was read
     */
    public BatchRollbackResponse batchRollback(BatchRollbackRequest request) {
        // TODO(4c): latch the keys; per key, a commit record of this transaction is KeyError.Committed
        // (write nothing), its rollback record means done; otherwise drop its own lock and value if
        // present and always write a ROLLBACK record at startTs. Checked by
        // BatchRollbackTest#rollbackRemovesTheLockAndValueAndRecordsIt.
        throw new UnsupportedOperationException("not implemented: TODO(4c) ScanAndResolveCommands.batchRollback");
    }

    /** Commits or rolls back every lock the transaction still holds (rule 4). */
    public ResolveLockResponse resolveLock(ResolveLockRequest request) {
        // TODO(4c): find the keys locked by startTs with a first reader (iterate the lock family), latch
        // them, then with a second reader commit each (write record, lock removed) or roll it back.
        // Checked by ResolveLockTest#resolveCommitsEveryLockOfTheTransaction.
        throw new UnsupportedOperationException("not implemented: TODO(4c) ScanAndResolveCommands.resolveLock");
    }
}
