package kvlab.txn.client;

import java.util.Arrays;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import kvlab.txn.server.BatchRollbackRequest;
import kvlab.txn.server.CheckTxnStatusRequest;
import kvlab.txn.server.KeyError;
import kvlab.txn.server.Mutation;
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
        // TODO(4c): answer a buffered key from the buffer (rule 1); else send a GetRequest at startTs and,
        //  on a Locked answer, resolve the lock through its primary and read again (rule 2).
        //  Checked by HermitageTest#readSkewNeverHappens and RecoveryTest#crashAfterPrimaryCommitRollsForward.
        throw new UnsupportedOperationException("not implemented: TODO(4c) PercolatorTxn.get");
    }

    @Override
    public void put(byte[] key, byte[] value) {
        // TODO(4c): buffer the write in `writes` (rule 1). Checked by HermitageTest#lostUpdateNeverHappens.
        throw new UnsupportedOperationException("not implemented: TODO(4c) PercolatorTxn.put");
    }

    @Override
    public void delete(byte[] key) {
        // TODO(4c): buffer the delete in `writes` (rule 1). Checked by RocksDbTxnTest#transactionsOnRocksDb.
        throw new UnsupportedOperationException("not implemented: TODO(4c) PercolatorTxn.delete");
    }

    @Override
    public void commit(Consumer<CommitOutcome> done) {
        // TODO(4c): two-phase commit in the strict order of rule 3, aborting as rule 4 says and stopping at
        //  the crash point (rule 5). Checked by BankTest#everyReaderSeesTheSameTotal, RecoveryTest and
        //  TimestampTest#timestampsIncreaseUnderAnUnreliableNetwork.
        throw new UnsupportedOperationException("not implemented: TODO(4c) PercolatorTxn.commit");
    }
}
