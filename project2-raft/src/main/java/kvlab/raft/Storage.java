package kvlab.raft;

import java.util.List;

/**
 * The stable part of a Raft log, as the application persisted it. Raft only reads it; the
 * application writes it (for example {@link MemoryStorage#append}) while handling a {@link Ready}.
 *
 * <p>Contract:
 * <ol>
 *   <li>The storage holds the entries {@code firstIndex()..lastIndex()}, consecutive. The entry just
 *       before them (index {@code firstIndex() - 1}) is known only by its term: it is the last entry
 *       of the latest snapshot, or the sentinel index 0 / term 0 of an empty log.</li>
 *   <li>An index below {@code firstIndex() - 1} throws {@link CompactedException}; one above
 *       {@code lastIndex()} throws {@link UnavailableException}.</li>
 *   <li>An empty log has {@code firstIndex() == 1} and {@code lastIndex() == 0}.</li>
 *   <li>Methods are called from the thread that drives Raft; implementations need not be thread-safe.</li>
 * </ol>
 */
public interface Storage {
    /** The persisted hard state and membership. */
    InitialState initialState();

    /**
     * The entries with indexes in {@code [lo, hi)}, in order, cut to at most {@code maxSize} bytes
     * ({@link Entry#size()}) but never to fewer than one entry when the range is not empty.
     *
     * @throws CompactedException if {@code lo < firstIndex()}
     * @throws UnavailableException if {@code hi > lastIndex() + 1}
     * @throws IllegalArgumentException if {@code lo > hi}
     */
    List<Entry> entries(long lo, long hi, long maxSize);

    /**
     * The term of the entry at {@code index}, for {@code firstIndex() - 1 <= index <= lastIndex()}.
     *
     * @throws CompactedException if {@code index < firstIndex() - 1}
     * @throws UnavailableException if {@code index > lastIndex()}
     */
    long term(long index);

    /** The index of the first entry available (1 for a log that was never compacted). */
    long firstIndex();

    /** The index of the last entry, or {@code firstIndex() - 1} when there is none. */
    long lastIndex();

    /**
     * The latest snapshot ({@link Snapshot#EMPTY} if none).
     *
     * @throws SnapshotUnavailableException if one is being prepared; ask again later
     */
    Snapshot snapshot();
}
