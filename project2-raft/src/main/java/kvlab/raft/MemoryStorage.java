package kvlab.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Storage} in memory, the one the tests and the simulated nodes use (the simulated nodes
 * rebuild it from their disk after a restart). Not thread-safe.
 *
 * <p>Invariants: {@code entries} holds the indexes {@code dummyIndex + 1 ..} consecutively;
 * {@code dummyIndex}/{@code dummyTerm} identify the entry just before them (the snapshot's last entry,
 * or index 0 / term 0 at the start).
 */
public final class MemoryStorage implements Storage {
    private HardState hardState = HardState.EMPTY;
    private Snapshot snapshot = Snapshot.EMPTY;
    private ConfState confState;
    private final List<Entry> entries = new ArrayList<>();
    private long dummyIndex;
    private long dummyTerm;

    /** An empty log whose membership is {@code confState} ({@link ConfState#EMPTY} to take it from the config). */
    public MemoryStorage(ConfState confState) {
        this.confState = Objects.requireNonNull(confState, "confState");
    }

    /** An empty log; the membership comes from the {@link Config}. */
    public MemoryStorage() {
        this(ConfState.EMPTY);
    }

    @Override
    public InitialState initialState() {
        return new InitialState(hardState, confState);
    }

    /** The hard state last set. */
    public HardState hardState() {
        return hardState;
    }

    /** Records the hard state (the application calls this when a {@link Ready} carries one). */
    public void setHardState(HardState hardState) {
        this.hardState = Objects.requireNonNull(hardState, "hardState");
    }

    @Override
    public List<Entry> entries(long lo, long hi, long maxSize) {
        if (lo > hi) {
            throw new IllegalArgumentException("entries: lo " + lo + " > hi " + hi);
        }
        if (lo < firstIndex()) {
            throw new CompactedException(lo, firstIndex());
        }
        if (hi > lastIndex() + 1) {
            throw new UnavailableException(hi - 1, lastIndex());
        }
        List<Entry> result = new ArrayList<>();
        long size = 0;
        for (long i = lo; i < hi; i++) {
            Entry e = entries.get(offset(i));
            size += e.size();
            if (!result.isEmpty() && size > maxSize) {
                break;
            }
            result.add(e);
        }
        return result;
    }

    @Override
    public long term(long index) {
        if (index < dummyIndex) {
            throw new CompactedException(index, firstIndex());
        }
        if (index > lastIndex()) {
            throw new UnavailableException(index, lastIndex());
        }
        return index == dummyIndex ? dummyTerm : entries.get(offset(index)).term();
    }

    @Override
    public long firstIndex() {
        return dummyIndex + 1;
    }

    @Override
    public long lastIndex() {
        return dummyIndex + entries.size();
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Appends entries, first dropping any stored entries at or after the first new index (a new leader
     * overwrote them). Entries already compacted are skipped.
     *
     * @throws IllegalArgumentException if the entries are not consecutive, or leave a gap after
     *     {@link #lastIndex()}
     */
    public void append(List<Entry> newEntries) {
        requireConsecutive(newEntries);
        List<Entry> fresh = newEntries.stream().filter(e -> e.index() > dummyIndex).toList();
        if (fresh.isEmpty()) {
            return;
        }
        long first = fresh.get(0).index();
        if (first > lastIndex() + 1) {
            throw new IllegalArgumentException("append leaves a gap: last index " + lastIndex() + ", first new " + first);
        }
        entries.subList(offset(first), entries.size()).clear();
        entries.addAll(fresh);
    }

    /**
     * Discards the entries before {@code compactIndex}; the entry at {@code compactIndex} becomes the
     * sentinel. The application calls this after it saved a snapshot that covers {@code compactIndex}.
     *
     * @throws CompactedException if {@code compactIndex} is already compacted
     * @throws UnavailableException if {@code compactIndex > lastIndex()}
     */
    public void compact(long compactIndex) {
        if (compactIndex <= dummyIndex) {
            throw new CompactedException(compactIndex, firstIndex());
        }
        if (compactIndex > lastIndex()) {
            throw new UnavailableException(compactIndex, lastIndex());
        }
        dummyTerm = term(compactIndex);
        entries.subList(0, offset(compactIndex) + 1).clear();
        dummyIndex = compactIndex;
    }

    /**
     * Makes {@code data}, the application's state after applying the entry at {@code index}, the latest
     * snapshot (Project 2C). The entries stay: call {@link #compact} to drop them up to {@code index}.
     *
     * @return the new snapshot, with {@code index}, its entry's term and {@code confState}
     * @throws IllegalArgumentException if {@code index} is not above the current snapshot's index
     * @throws UnavailableException if {@code index > lastIndex()}
     */
    public Snapshot createSnapshot(long index, ConfState confState, byte[] data) {
        if (index <= snapshot.metadata().index()) {
            throw new IllegalArgumentException("a snapshot at " + index + " is not newer than the current one at "
                    + snapshot.metadata().index());
        }
        snapshot = new Snapshot(new SnapshotMetadata(confState, index, term(index)), data);
        return snapshot;
    }

    /**
     * Replaces the whole log by {@code snapshot}: every entry is discarded, the snapshot's last entry
     * becomes the sentinel, and the membership becomes the snapshot's.
     *
     * @throws IllegalArgumentException if the snapshot is older than the current one
     */
    public void applySnapshot(Snapshot snapshot) {
        SnapshotMetadata meta = snapshot.metadata();
        if (meta.index() < this.snapshot.metadata().index()) {
            throw new IllegalArgumentException("snapshot at " + meta.index() + " is older than the current one at "
                    + this.snapshot.metadata().index());
        }
        this.snapshot = snapshot;
        this.confState = meta.confState();
        entries.clear();
        dummyIndex = meta.index();
        dummyTerm = meta.term();
    }

    private int offset(long index) {
        return Math.toIntExact(index - dummyIndex - 1);
    }

    private static void requireConsecutive(List<Entry> list) {
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).index() != list.get(i - 1).index() + 1) {
                throw new IllegalArgumentException("entries not consecutive: " + list.get(i - 1) + " then " + list.get(i));
            }
        }
    }
}
