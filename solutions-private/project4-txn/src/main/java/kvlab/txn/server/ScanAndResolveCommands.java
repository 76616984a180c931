package kvlab.txn.server;

import static kvlab.harness.engine.ColumnFamilies.LOCK;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import kvlab.txn.mvcc.Lock;
import kvlab.txn.mvcc.MvccTxn;
import kvlab.txn.mvcc.Scanner;
import kvlab.txn.mvcc.Timestamps;
import kvlab.txn.mvcc.Write;
import kvlab.txn.mvcc.WriteKind;
import kvlab.txn.mvcc.WriteRecord;

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
    private final Engine storage;
    private final Latches latches;

    /** Commands over {@code storage}, serialised by {@code latches}; the caller keeps and closes both. */
    public ScanAndResolveCommands(Engine storage, Latches latches) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.latches = Objects.requireNonNull(latches, "latches");
    }

    /** Up to {@code limit} entries from the start key on, as of the request's version (rule 1). */
    public ScanResponse scan(ScanRequest request) {
        List<KvPair> pairs = new ArrayList<>();
        try (EngineReader reader = storage.reader(); Scanner scanner = new Scanner(reader, request.startKey())) {
            MvccTxn txn = new MvccTxn(reader, request.version());
            while (pairs.size() < request.limit()) {
                Optional<byte[]> key = scanner.nextKey();
                if (key.isEmpty()) {
                    break;
                }
                entry(txn, key.get(), request.version()).ifPresent(pairs::add);
            }
        }
        return new ScanResponse(pairs);
    }

    private static Optional<KvPair> entry(MvccTxn txn, byte[] key, long version) {
        Optional<Lock> lock = txn.getLock(key);
        if (lock.isPresent() && lock.get().startTs() <= version) {
            return Optional.of(KvPair.failed(key, KeyError.Locked.of(key, lock.get())));
        }
        return txn.getValue(key).map(value -> KvPair.of(key, value));
    }

    /**
     * The fate of the transaction, by its primary; rolls it back if its lock expired or never came
     * (rule 3).
     *
     * @throws LatchBusyException if the primary is latched by a command in progress; nothing was read
     */
    public CheckTxnStatusResponse checkTxnStatus(CheckTxnStatusRequest request) {
        byte[] primary = request.primaryKey();
        try (Latches.Guard guard = latches.acquire(List.of(primary)); EngineReader reader = storage.reader()) {
            MvccTxn txn = new MvccTxn(reader, request.lockTs());
            Optional<Lock> lock = txn.getLock(primary).filter(l -> l.startTs() == request.lockTs());
            if (lock.isPresent()) {
                if (Timestamps.physical(request.currentTs())
                        < Timestamps.physical(request.lockTs()) + lock.get().ttl()) {
                    return new CheckTxnStatusResponse.LockAlive(lock.get().ttl());
                }
                rollBack(txn, primary, request.lockTs(), lock);
                storage.write(txn.writes());
                return new CheckTxnStatusResponse.RolledBack(CheckTxnStatusResponse.Cause.TTL_EXPIRED);
            }
            Optional<WriteRecord> own = txn.currentWrite(primary);
            if (own.isPresent()) {
                return own.get().write().kind() == WriteKind.ROLLBACK
                        ? new CheckTxnStatusResponse.RolledBack(CheckTxnStatusResponse.Cause.EARLIER)
                        : new CheckTxnStatusResponse.Committed(own.get().commitTs());
            }
            rollBack(txn, primary, request.lockTs(), Optional.empty());
            storage.write(txn.writes());
            return new CheckTxnStatusResponse.RolledBack(CheckTxnStatusResponse.Cause.LOCK_NOT_FOUND);
        }
    }

    /**
     * Rolls the transaction back on every key of the request, or answers the first committed key
     * (rule 2).
     *
     * @throws LatchBusyException if a key is latched by a command in progress; nothing was read
     */
    public BatchRollbackResponse batchRollback(BatchRollbackRequest request) {
        try (Latches.Guard guard = latches.acquire(request.keys()); EngineReader reader = storage.reader()) {
            MvccTxn txn = new MvccTxn(reader, request.startTs());
            for (byte[] key : request.keys()) {
                Optional<WriteRecord> own = txn.currentWrite(key);
                if (own.isEmpty()) {
                    Optional<Lock> ownLock = txn.getLock(key).filter(l -> l.startTs() == request.startTs());
                    rollBack(txn, key, request.startTs(), ownLock);
                } else if (own.get().write().kind() != WriteKind.ROLLBACK) {
                    return BatchRollbackResponse.failed(
                            new KeyError.Committed(key, request.startTs(), own.get().commitTs()));
                }
            }
            storage.write(txn.writes());
            return BatchRollbackResponse.success();
        }
    }

    /** Commits or rolls back every lock the transaction still holds (rule 4). */
    public ResolveLockResponse resolveLock(ResolveLockRequest request) {
        List<byte[]> keys = lockedKeys(request.startTs());
        try (Latches.Guard guard = latches.acquire(keys); EngineReader reader = storage.reader()) {
            MvccTxn txn = new MvccTxn(reader, request.startTs());
            for (byte[] key : keys) {
                Optional<Lock> lock = txn.getLock(key).filter(l -> l.startTs() == request.startTs());
                if (request.rollsBack()) {
                    rollBack(txn, key, request.startTs(), lock);
                } else if (lock.isPresent()) {
                    txn.putWrite(key, request.commitTs(), new Write(request.startTs(), lock.get().kind()));
                    txn.deleteLock(key);
                }
            }
            storage.write(txn.writes());
            return new ResolveLockResponse(keys.size());
        }
    }

    /** The keys locked by transaction {@code startTs}, in key order, from a snapshot taken now. */
    private List<byte[]> lockedKeys(long startTs) {
        List<byte[]> keys = new ArrayList<>();
        try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(LOCK)) {
            for (it.seek(new byte[0]); it.valid(); it.next()) {
                if (Lock.parse(it.value()).startTs() == startTs) {
                    keys.add(it.key());
                }
            }
        }
        return keys;
    }

    /** Rule 2: drops the transaction's own lock and value, if it has them; records the rollback. */
    private static void rollBack(MvccTxn txn, byte[] key, long startTs, Optional<Lock> ownLock) {
        if (ownLock.isPresent()) {
            txn.deleteLock(key);
            txn.deleteValue(key);
        }
        txn.putWrite(key, startTs, new Write(startTs, WriteKind.ROLLBACK));
    }
}
