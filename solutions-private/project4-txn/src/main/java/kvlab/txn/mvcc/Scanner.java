package kvlab.txn.mvcc;

import static kvlab.harness.engine.ColumnFamilies.LOCK;
import static kvlab.harness.engine.ColumnFamilies.WRITE;

import java.util.Arrays;
import java.util.Optional;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;

/**
 * Walks the user keys that have a lock or at least one write record, from a start key on, in
 * ascending unsigned order, each key once: the keys a transactional scan must look at. It merges two
 * iterators of one snapshot: the {@code lock} family (keyed by user key) and the {@code write} family
 * (keyed by {@link KeyCodec#encode}, several versions per user key). What a key's value is, or
 * whether its lock blocks the scan, is for the caller to ask an {@link MvccTxn}.
 *
 * <p>Holds two iterators of the reader until {@link #close()}. Not thread-safe.
 */
public final class Scanner implements AutoCloseable {
    private final EngineIterator locks;
    private final EngineIterator writes;

    /** A walk from {@code startKey} (included) over {@code reader}'s snapshot. */
    public Scanner(EngineReader reader, byte[] startKey) {
        locks = reader.iterator(LOCK);
        writes = reader.iterator(WRITE);
        locks.seek(startKey);
        writes.seek(KeyCodec.encode(startKey, Long.MAX_VALUE));
    }

    /** The next user key with a lock or a write record, or empty when there is none. */
    public Optional<byte[]> nextKey() {
        byte[] lockKey = locks.valid() ? locks.key() : null;
        byte[] writeKey = writes.valid() ? KeyCodec.decodeUserKey(writes.key()) : null;
        if (lockKey == null && writeKey == null) {
            return Optional.empty();
        }
        byte[] next = lockKey == null || writeKey != null && Arrays.compareUnsigned(writeKey, lockKey) < 0
                ? writeKey : lockKey;
        if (lockKey != null && Arrays.equals(lockKey, next)) {
            locks.next();
        }
        if (writeKey != null && Arrays.equals(writeKey, next)) {
            skipVersionsOf(next);
        }
        return Optional.of(next);
    }

    /** Moves the write iterator past every version of {@code key}. */
    private void skipVersionsOf(byte[] key) {
        // encode(key, 0) is the last place a version of key can be.
        writes.seek(KeyCodec.encode(key, 0));
        if (writes.valid() && Arrays.equals(KeyCodec.decodeUserKey(writes.key()), key)) {
            writes.next();
        }
    }

    /** Closes both iterators; a second call does nothing. */
    @Override
    public void close() {
        locks.close();
        writes.close();
    }
}
