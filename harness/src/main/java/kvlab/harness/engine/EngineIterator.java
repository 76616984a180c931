package kvlab.harness.engine;

/**
 * A cursor over one column family of an {@link EngineReader}'s snapshot, in ascending unsigned-byte
 * key order. Deleted keys never appear.
 *
 * <p>Protocol: {@link #seek} positions the cursor; while {@link #valid()} is true, {@link #key()} and
 * {@link #value()} read the current entry and {@link #next()} moves to the following one:
 *
 * <pre>{@code
 * for (it.seek(start); it.valid(); it.next()) { use(it.key(), it.value()); }
 * }</pre>
 *
 * <p>{@code key}, {@code value} and {@code next} on an iterator that is not valid fail with
 * {@link java.util.NoSuchElementException}. Every call but {@code close} fails with
 * {@link IllegalStateException} once the iterator or its reader is closed. Not thread-safe.
 */
public interface EngineIterator extends AutoCloseable {
    /**
     * Positions at the first key greater than or equal to {@code key} (unsigned order); not valid if
     * there is none. {@code seek(new byte[0])} positions at the first key of the family.
     */
    void seek(byte[] key);

    /** Whether the iterator is positioned at an entry. */
    boolean valid();

    /** Moves to the next key in order; requires {@link #valid()}. */
    void next();

    /** A copy of the current key; requires {@link #valid()}. */
    byte[] key();

    /** A copy of the current value; requires {@link #valid()}. */
    byte[] value();

    /** Releases the iterator; a second call does nothing. */
    @Override
    void close();
}
