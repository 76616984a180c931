package kvlab.harness.engine;

import java.util.Optional;

/**
 * A read-only view of an {@link Engine} frozen at the moment the reader was opened: writes made
 * afterwards are invisible to it, in every family (rule 4 of {@link Engine}).
 *
 * <p>Holds its snapshot until {@link #close()}; closing it also closes the iterators it opened.
 * After close, {@link #get} and {@link #iterator} fail with {@link IllegalStateException}. Not
 * thread-safe.
 */
public interface EngineReader extends AutoCloseable {
    /**
     * The value of {@code key} in family {@code cf} in this snapshot, as a fresh array, or empty if
     * the key is absent.
     *
     * @throws IllegalArgumentException if {@code cf} is not a known family
     * @throws IllegalStateException if this reader (or its storage) is closed
     */
    Optional<byte[]> get(String cf, byte[] key);

    /**
     * Opens an iterator over family {@code cf} in this snapshot. The new iterator is not positioned
     * ({@link EngineIterator#valid()} is false): call {@link EngineIterator#seek} first.
     *
     * @throws IllegalArgumentException if {@code cf} is not a known family
     * @throws IllegalStateException if this reader (or its storage) is closed
     */
    EngineIterator iterator(String cf);

    /** Closes this reader's iterators and releases its snapshot; a second call does nothing. */
    @Override
    void close();
}
