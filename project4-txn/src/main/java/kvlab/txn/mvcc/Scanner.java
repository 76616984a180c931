package kvlab.txn.mvcc;

import java.util.Optional;
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
    /** A walk from {@code startKey} (included) over {@code reader}'s snapshot. */
    public Scanner(EngineReader reader, byte[] startKey) {
        // TODO(4c): open an iterator of the lock family and one of the write family, and position them
        // at startKey (the write family's keys are encoded: seek to encode(startKey, Long.MAX_VALUE)).
        // Checked by ScanTest#scanReturnsEveryVisibleKeyInOrder.
        throw new UnsupportedOperationException("not implemented: TODO(4c) Scanner.<init>");
    }

    /** The next user key with a lock or a write record, or empty when there is none. */
    public Optional<byte[]> nextKey() {
        // TODO(4c): the smaller of the lock iterator's key and the write iterator's user key; move the
        // lock iterator past it, and the write iterator past ALL versions of it (seek to encode(key, 0),
        // the last place a version can be). Checked by ScanTest#scanReturnsEveryVisibleKeyInOrder and
        // ScanTest#scanReportsEarlierLocksAndCountsThem.
        throw new UnsupportedOperationException("not implemented: TODO(4c) Scanner.nextKey");
    }

    /** Closes both iterators; a second call does nothing. */
    @Override
    public void close() {
        // TODO(4c): close both iterators. Checked by ScanTest#scanReturnsEveryVisibleKeyInOrder.
        throw new UnsupportedOperationException("not implemented: TODO(4c) Scanner.close");
    }
}
