package kvlab.txn.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import kvlab.txn.mvcc.Bytes;
import kvlab.txn.server.BatchRollbackRequest;
import kvlab.txn.server.CheckTxnStatusRequest;
import kvlab.txn.server.CheckTxnStatusResponse;
import kvlab.txn.server.CommitRequest;
import kvlab.txn.server.CommitResponse;
import kvlab.txn.server.GetRequest;
import kvlab.txn.server.GetResponse;
import kvlab.txn.server.KeyError;
import kvlab.txn.server.Mutation;
import kvlab.txn.server.PrewriteRequest;
import kvlab.txn.server.PrewriteResponse;
import kvlab.txn.server.ResolveLockRequest;
import kvlab.txn.sim.CommitOutcome;
import kvlab.txn.sim.CrashPoint;
import kvlab.txn.sim.Transaction;
import kvlab.txn.sim.TxnContext;

/**
 * A Percolator client transaction (Percolator §2.2; TiKV's client-side two-phase commit), as a state
 * machine driven by the answers its {@link TxnContext} delivers. No threads: every step is a callback.
 *
 * <p>The contract the end-to-end tests check:
 * <ol>
 *   <li><b>Buffered writes.</b> {@link #put} and {@link #delete} only buffer (the last one per key
 *       wins); {@link #get} of a buffered key answers from the buffer without a call.
 *   <li><b>Reads</b> ask the server at {@link #startTs()}. A {@link KeyError.Locked} answer means: ask
 *       the lock's primary for its fate with {@link CheckTxnStatusRequest} (current timestamp from the
 *       oracle); if the lock is alive, wait {@link #BACKOFF_MS} and read again; if the owner committed,
 *       roll its locks forward ({@link ResolveLockRequest} with its commit timestamp); if it is rolled
 *       back, roll its locks back (commit timestamp 0); then read again.
 *   <li><b>Commit</b> with nothing buffered is {@link CommitOutcome.Committed} at the start timestamp.
 *       Otherwise the primary is the smallest buffered key (unsigned order), and the order is STRICT:
 *       prewrite the primary ALONE, THEN the secondaries; get a commit timestamp; commit the primary
 *       ALONE, THEN the secondaries. Locks carry a ttl of {@link #LOCK_TTL_MS}.
 *   <li><b>Abort.</b> A prewrite error (write conflict or lock) aborts: roll back every buffered key
 *       ({@link BatchRollbackRequest}), then report {@link CommitOutcome.Aborted}. An error committing
 *       the primary (someone rolled the transaction back) is {@link CommitOutcome.Aborted}. Once the
 *       primary is committed, the transaction is committed, whatever the secondaries answer.
 *   <li><b>Crash points.</b> At the {@link CrashPoint} given to the constructor, stop: send nothing
 *       more and report {@link CommitOutcome.Stopped}.
 * </ol>
 * Lost messages are not this class's concern: the context resends every call until answered.
 */
public final class PercolatorTxn implements Transaction {
    /** The time to live of this client's locks, in physical milliseconds. */
    public static final long LOCK_TTL_MS = 300;
    /** How long a read waits before retrying behind a live lock. */
    public static final long BACKOFF_MS = 50;

    private final TxnContext context;
    private final long startTs;
    private final CrashPoint crashPoint;
    /** The buffered writes, by key in unsigned order: the first is the primary. */
    private final NavigableMap<byte[], Mutation> writes = new TreeMap<>(Arrays::compareUnsigned);

    /** A transaction that reads at {@code startTs} and stops its commit at {@code crashPoint}. */
    public PercolatorTxn(TxnContext context, long startTs, CrashPoint crashPoint) {
        this.context = context;
        this.startTs = startTs;
        this.crashPoint = crashPoint;
    }

    @Override
    public long startTs() {
        return startTs;
    }

    @Override
    public void get(byte[] key, Consumer<Optional<byte[]>> done) {
        Mutation buffered = writes.get(key);
        if (buffered != null) {
            context.after(0, "buffered read", () -> done.accept(buffered instanceof Mutation.Put p
                    ? Optional.of(p.value()) : Optional.empty()));
            return;
        }
        context.call(new GetRequest(key, startTs), answer -> onGet(key, (GetResponse) answer, done));
    }

    @Override
    public void put(byte[] key, byte[] value) {
        writes.put(key.clone(), new Mutation.Put(key, value));
    }

    @Override
    public void delete(byte[] key) {
        writes.put(key.clone(), new Mutation.Delete(key));
    }

    @Override
    public void commit(Consumer<CommitOutcome> done) {
        if (writes.isEmpty()) {
            context.after(0, "read-only commit", () -> done.accept(new CommitOutcome.Committed(startTs, startTs)));
            return;
        }
        prewrite(List.of(writes.firstEntry().getValue()), done, () ->
                prewrite(new ArrayList<>(secondaries().values()), done, () -> afterPrewrite(done)));
    }

    private void onGet(byte[] key, GetResponse answer, Consumer<Optional<byte[]>> done) {
        if (answer.error().isEmpty()) {
            done.accept(answer.notFound() ? Optional.empty() : Optional.of(answer.value()));
        } else if (answer.error().get() instanceof KeyError.Locked locked) {
            resolve(locked, () -> get(key, done));
        } else {
            throw new IllegalStateException("a get answers only Locked, got " + answer);
        }
    }

    /** Settles the transaction that holds {@code locked} by asking its primary, then runs {@code retry}. */
    private void resolve(KeyError.Locked locked, Runnable retry) {
        context.timestamp(now -> context.call(new CheckTxnStatusRequest(locked.primary(), locked.lockTs(), now),
                answer -> onStatus(locked, (CheckTxnStatusResponse) answer, retry)));
    }

    private void onStatus(KeyError.Locked locked, CheckTxnStatusResponse status, Runnable retry) {
        if (status instanceof CheckTxnStatusResponse.LockAlive) {
            context.after(BACKOFF_MS, "backoff behind lock of " + locked.lockTs(), retry);
        } else {
            long commitTs = status instanceof CheckTxnStatusResponse.Committed c ? c.commitTs() : 0;
            context.trace("resolving transaction " + locked.lockTs() + (commitTs == 0 ? " backward" : " forward to " + commitTs));
            context.call(new ResolveLockRequest(locked.lockTs(), commitTs), answer -> retry.run());
        }
    }

    private void prewrite(List<Mutation> mutations, Consumer<CommitOutcome> done, Runnable next) {
        if (mutations.isEmpty()) {
            next.run();
            return;
        }
        PrewriteRequest request = new PrewriteRequest(mutations, writes.firstKey(), startTs, LOCK_TTL_MS);
        context.call(request, answer -> {
            List<KeyError> errors = ((PrewriteResponse) answer).errors();
            if (errors.isEmpty()) {
                next.run();
            } else {
                abort("prewrite failed: " + errors, done);
            }
        });
    }

    private void abort(String reason, Consumer<CommitOutcome> done) {
        context.call(new BatchRollbackRequest(startTs, new ArrayList<>(writes.keySet())),
                answer -> done.accept(new CommitOutcome.Aborted(startTs, reason)));
    }

    private void afterPrewrite(Consumer<CommitOutcome> done) {
        if (crashPoint == CrashPoint.AFTER_PREWRITE) {
            done.accept(new CommitOutcome.Stopped(startTs, crashPoint));
            return;
        }
        context.timestamp(commitTs -> context.call(new CommitRequest(startTs, List.of(writes.firstKey()), commitTs),
                answer -> afterPrimaryCommit((CommitResponse) answer, commitTs, done)));
    }

    private void afterPrimaryCommit(CommitResponse answer, long commitTs, Consumer<CommitOutcome> done) {
        if (answer.error().isPresent()) {
            done.accept(new CommitOutcome.Aborted(startTs, "primary " + Bytes.show(writes.firstKey())
                    + " not committed: " + answer.error().get()));
        } else if (crashPoint == CrashPoint.AFTER_PRIMARY_COMMIT) {
            done.accept(new CommitOutcome.Stopped(startTs, crashPoint));
        } else if (secondaries().isEmpty()) {
            done.accept(new CommitOutcome.Committed(startTs, commitTs));
        } else {
            context.call(new CommitRequest(startTs, new ArrayList<>(secondaries().keySet()), commitTs),
                    secondaryAnswer -> done.accept(new CommitOutcome.Committed(startTs, commitTs)));
        }
    }

    private NavigableMap<byte[], Mutation> secondaries() {
        return writes.tailMap(writes.firstKey(), false);
    }
}
