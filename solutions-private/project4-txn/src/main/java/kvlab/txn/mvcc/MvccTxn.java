package kvlab.txn.mvcc;

import static kvlab.harness.engine.ColumnFamilies.DEFAULT;
import static kvlab.harness.engine.ColumnFamilies.LOCK;
import static kvlab.harness.engine.ColumnFamilies.WRITE;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import kvlab.harness.engine.EngineIterator;
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
    private final EngineReader reader;
    private final long startTs;
    private final WriteBatch.Builder writes = WriteBatch.builder().sync();

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
        return writes.build();
    }

    /** Buffers the write record {@code write} of {@code key} at {@code commitTs}. */
    public void putWrite(byte[] key, long commitTs, Write write) {
        writes.put(WRITE, KeyCodec.encode(key, commitTs), write.toBytes());
    }

    /** The lock on {@code key} in the snapshot, of whichever transaction holds it. */
    public Optional<Lock> getLock(byte[] key) {
        return reader.get(LOCK, key).map(Lock::parse);
    }

    /** Buffers setting the lock of {@code key} to {@code lock}. */
    public void putLock(byte[] key, Lock lock) {
        writes.put(LOCK, key, lock.toBytes());
    }

    /** Buffers removing the lock of {@code key}. */
    public void deleteLock(byte[] key) {
        writes.delete(LOCK, key);
    }

    /** The value of {@code key} visible at this transaction's start timestamp (rule 3). */
    public Optional<byte[]> getValue(byte[] key) {
        Optional<WriteRecord> visible =
                newestWrite(key, startTs, 0, r -> r.write().kind() != WriteKind.ROLLBACK);
        if (visible.isEmpty() || visible.get().write().kind() != WriteKind.PUT) {
            return Optional.empty();
        }
        long valueTs = visible.get().write().startTs();
        return Optional.of(reader.get(DEFAULT, KeyCodec.encode(key, valueTs)).orElseThrow(() ->
                new IllegalStateException("write record " + visible.get() + " of key " + Bytes.show(key)
                        + " has no value in '" + DEFAULT + "' at " + valueTs)));
    }

    /** Buffers the value of {@code key} written by this transaction (at its start timestamp). */
    public void putValue(byte[] key, byte[] value) {
        writes.put(DEFAULT, KeyCodec.encode(key, startTs), value);
    }

    /** Buffers removing the value of {@code key} written by this transaction. */
    public void deleteValue(byte[] key) {
        writes.delete(DEFAULT, KeyCodec.encode(key, startTs));
    }

    /**
     * The write record of {@code key} that this transaction made (its {@link Write#startTs()} is this
     * start timestamp): its commit, or its rollback.
     */
    public Optional<WriteRecord> currentWrite(byte[] key) {
        // A transaction commits after it starts, so no record of it lies below startTs.
        return newestWrite(key, Long.MAX_VALUE, startTs, r -> r.write().startTs() == startTs);
    }

    /** The write record of {@code key} with the greatest commit timestamp, of any transaction. */
    public Optional<WriteRecord> mostRecentWrite(byte[] key) {
        return newestWrite(key, Long.MAX_VALUE, 0, r -> true);
    }

    /** The newest record of {@code key} that {@code wanted} accepts, with commitTs in [lowTs, highTs]. */
    private Optional<WriteRecord> newestWrite(
            byte[] key, long highTs, long lowTs, Predicate<WriteRecord> wanted) {
        try (EngineIterator it = reader.iterator(WRITE)) {
            for (it.seek(KeyCodec.encode(key, highTs)); it.valid(); it.next()) {
                byte[] encoded = it.key();
                long commitTs = KeyCodec.decodeTimestamp(encoded);
                if (!Arrays.equals(KeyCodec.decodeUserKey(encoded), key) || commitTs < lowTs) {
                    return Optional.empty();
                }
                WriteRecord record = new WriteRecord(commitTs, Write.parse(it.value()));
                if (wanted.test(record)) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }
}
