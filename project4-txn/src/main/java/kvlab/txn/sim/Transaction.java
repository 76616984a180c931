package kvlab.txn.sim;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * One client transaction under snapshot isolation, driven by callbacks: a state machine that acts
 * through its {@link TxnContext} and reports through the callbacks it is given.
 *
 * <p>Contract for callers (the test driver keeps it): one operation at a time: call the next
 * operation only after the previous one's callback ran; {@link #put} and {@link #delete} complete at
 * once; nothing after {@link #commit}.
 */
public interface Transaction {
    /** The start timestamp: the snapshot every read sees. */
    long startTs();

    /** Reads {@code key} as of the snapshot (and this transaction's own buffered writes); empty if absent. */
    void get(byte[] key, Consumer<Optional<byte[]>> done);

    /** Buffers a write of {@code value} to {@code key}; nothing reaches the server before commit. */
    void put(byte[] key, byte[] value);

    /** Buffers a delete of {@code key}. */
    void delete(byte[] key);

    /** Commits the buffered writes (two-phase commit) and reports how it ended. */
    void commit(Consumer<CommitOutcome> done);
}
