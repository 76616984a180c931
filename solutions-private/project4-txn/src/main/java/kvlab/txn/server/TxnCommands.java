package kvlab.txn.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineReader;
import kvlab.txn.mvcc.Lock;
import kvlab.txn.mvcc.MvccTxn;
import kvlab.txn.mvcc.Write;
import kvlab.txn.mvcc.WriteKind;
import kvlab.txn.mvcc.WriteRecord;

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
        byte[] key = request.key();
        try (EngineReader reader = storage.reader()) {
            MvccTxn txn = new MvccTxn(reader, request.version());
            Optional<Lock> lock = txn.getLock(key);
            if (lock.isPresent() && lock.get().startTs() <= request.version()) {
                return GetResponse.failed(KeyError.Locked.of(key, lock.get()));
            }
            return txn.getValue(key).map(GetResponse::found).orElseGet(GetResponse::missing);
        }
    }

    /**
     * Locks every key of the request and stages its value, or reports every key that conflicts
     * (rules 1, 2 and 4).
     *
     * @throws LatchBusyException if a key is latched by a command in progress; nothing was read
     */
    public PrewriteResponse prewrite(PrewriteRequest request) {
        try (Latches.Guard guard = latches.acquire(request.mutations().stream().map(Mutation::key).toList());
                EngineReader reader = storage.reader()) {
            MvccTxn txn = new MvccTxn(reader, request.startTs());
            List<KeyError> errors = new ArrayList<>();
            for (Mutation mutation : request.mutations()) {
                conflict(txn, request, mutation.key()).ifPresent(errors::add);
            }
            if (!errors.isEmpty()) {
                return new PrewriteResponse(errors);
            }
            for (Mutation mutation : request.mutations()) {
                stage(txn, request, mutation);
            }
            storage.write(txn.writes());
            return PrewriteResponse.success();
        }
    }

    private static Optional<KeyError> conflict(MvccTxn txn, PrewriteRequest request, byte[] key) {
        Optional<WriteRecord> newest = txn.mostRecentWrite(key);
        if (newest.isPresent() && newest.get().commitTs() >= request.startTs()) {
            return Optional.of(new KeyError.WriteConflict(key, request.primary(), request.startTs(),
                    newest.get().commitTs()));
        }
        Optional<Lock> lock = txn.getLock(key);
        if (lock.isPresent() && lock.get().startTs() != request.startTs()) {
            return Optional.of(KeyError.Locked.of(key, lock.get()));
        }
        return Optional.empty();
    }

    private static void stage(MvccTxn txn, PrewriteRequest request, Mutation mutation) {
        byte[] key = mutation.key();
        if (mutation instanceof Mutation.Put put) {
            txn.putValue(key, put.value());
        } else {
            txn.deleteValue(key); // a retry may have turned a put into a delete: drop its staged value
        }
        txn.putLock(key, new Lock(request.primary(), request.startTs(), request.lockTtl(), mutation.kind()));
    }

    /**
     * Turns the transaction's locks on the request's keys into write records at the commit timestamp,
     * or answers the first key's error (rules 1, 2 and 5).
     *
     * @throws LatchBusyException if a key is latched by a command in progress; nothing was read
     */
    public CommitResponse commit(CommitRequest request) {
        try (Latches.Guard guard = latches.acquire(request.keys()); EngineReader reader = storage.reader()) {
            MvccTxn txn = new MvccTxn(reader, request.startTs());
            for (byte[] key : request.keys()) {
                Optional<KeyError> error = commitKey(txn, request, key);
                if (error.isPresent()) {
                    return CommitResponse.failed(error.get());
                }
            }
            storage.write(txn.writes());
            return CommitResponse.success();
        }
    }

    private static Optional<KeyError> commitKey(MvccTxn txn, CommitRequest request, byte[] key) {
        Optional<Lock> lock = txn.getLock(key);
        if (lock.isPresent() && lock.get().startTs() == request.startTs()) {
            txn.putWrite(key, request.commitTs(), new Write(request.startTs(), lock.get().kind()));
            txn.deleteLock(key);
            return Optional.empty();
        }
        Optional<WriteRecord> own = txn.currentWrite(key);
        if (own.isEmpty()) {
            return Optional.of(new KeyError.LockNotFound(key, request.startTs()));
        }
        if (own.get().write().kind() == WriteKind.ROLLBACK) {
            return Optional.of(new KeyError.RolledBack(key, request.startTs()));
        }
        return Optional.empty(); // committed by an earlier copy of this request
    }
}
