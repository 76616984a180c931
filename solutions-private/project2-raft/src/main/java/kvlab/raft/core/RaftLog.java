package kvlab.raft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import kvlab.raft.CompactedException;
import kvlab.raft.Entry;
import kvlab.raft.Snapshot;
import kvlab.raft.Storage;

/**
 * A node's Raft log: the <b>stable</b> entries already in {@link Storage}, followed by the
 * <b>unstable</b> entries Raft appended that the application has not persisted yet, plus the commit
 * and apply indexes.
 *
 * <pre>
 *   firstIndex            stable last        lastIndex
 *       |  storage entries  |  unstable entries  |
 *   applied <= committed <= lastIndex
 * </pre>
 *
 * <p>Invariants: {@code firstIndex() - 1 <= applied <= committed <= lastIndex()}; committed and applied
 * never decrease; the unstable entries directly follow the storage's last index, or replace a suffix of
 * the storage's entries that a new leader overwrote (then the storage is truncated when they are
 * persisted). Index {@code firstIndex() - 1} is the entry before the first one kept: its term is known
 * (it is 0 for an empty log that was never compacted). Not thread-safe.
 */
public final class RaftLog {
    private final Storage storage;
    /** Entries not yet persisted; {@code unstable.get(i)} has index {@code unstableOffset + i}. */
    private final List<Entry> unstable = new ArrayList<>();
    private long unstableOffset;
    /** A snapshot received and not yet persisted (Project 2C); it replaces the whole log. */
    private Snapshot pendingSnapshot;
    /** Invariant: applied <= committed <= lastIndex(). */
    private long committed;
    private long applied;

    /**
     * A log over {@code storage}: everything in it is stable, and committed and applied are both
     * {@code storage.firstIndex() - 1} until Raft restores them from the hard state and the config.
     */
    public RaftLog(Storage storage) {
        this.storage = storage;
        this.unstableOffset = storage.lastIndex() + 1;
        this.committed = storage.firstIndex() - 1;
        this.applied = committed;
    }

    /** The highest index known committed. */
    public long committed() {
        return committed;
    }

    /** The highest index the application has applied. */
    public long applied() {
        return applied;
    }

    /** The index of the first entry available (the storage's, or a pending snapshot's index + 1). */
    public long firstIndex() {
        return pendingSnapshot != null ? pendingSnapshot.metadata().index() + 1 : storage.firstIndex();
    }

    /** The index of the last entry, unstable ones included ({@code firstIndex() - 1} if none). */
    public long lastIndex() {
        if (!unstable.isEmpty()) {
            return unstableOffset + unstable.size() - 1;
        }
        return pendingSnapshot != null ? pendingSnapshot.metadata().index() : storage.lastIndex();
    }

    /** The term of the last entry ({@code term(lastIndex())}). */
    public long lastTerm() {
        return term(lastIndex());
    }

    /**
     * The term of the entry at {@code index}: from the unstable entries if it is there, else from
     * storage; the term of {@code firstIndex() - 1} is known too.
     *
     * @return the term, or 0 if {@code index > lastIndex()}
     * @throws CompactedException if {@code index < firstIndex() - 1}
     */
    public long term(long index) {
        if (index > lastIndex()) {
            return 0;
        }
        if (index >= unstableOffset && !unstable.isEmpty()) {
            return unstable.get(Math.toIntExact(index - unstableOffset)).term();
        }
        if (pendingSnapshot != null) {
            if (index == pendingSnapshot.metadata().index()) {
                return pendingSnapshot.metadata().term();
            }
            throw new CompactedException(index, firstIndex());
        }
        return storage.term(index);
    }

    /** Whether the entry at {@code index} exists and has {@code term}; false when compacted or absent. */
    public boolean matchTerm(long index, long term) {
        if (index < firstIndex() - 1 || index > lastIndex()) {
            return false;
        }
        return term(index) == term;
    }

    /**
     * Whether a log ending at ({@code lastIndex}, {@code lastTerm}) is at least as up to date as this
     * one (Raft §5.4.1): a later last term wins; with equal last terms, the longer log wins.
     */
    public boolean isUpToDate(long lastIndex, long lastTerm) {
        long ourTerm = lastTerm();
        return lastTerm > ourTerm || (lastTerm == ourTerm && lastIndex >= lastIndex());
    }

    /**
     * The index of the first of {@code entries} that is not in this log with the same term: either a
     * conflict (same index, other term) or the first new entry past {@link #lastIndex()}.
     *
     * @param entries consecutive entries
     * @return that index, or 0 if every entry is already in the log
     */
    public long findConflict(List<Entry> entries) {
        for (Entry e : entries) {
            if (!matchTerm(e.index(), e.term())) {
                return e.index();
            }
        }
        return 0;
    }

    /**
     * Fast backtracking (Raft §5.3, "the follower can include the term of the conflicting entry"): the
     * index up to which this log may match a log whose entry at {@code index} has {@code term}. It is
     * no larger than {@code index} nor {@link #lastIndex()}, no smaller than {@code firstIndex() - 1},
     * and every entry of this log after it, up to there, has a term above {@code term}; it is the
     * largest index with those properties. A follower that rejects an append answers with it as its
     * hint, and a leader uses it to skip a whole term of conflicting entries per round trip.
     */
    public long findConflictByTerm(long index, long term) {
        long floor = firstIndex() - 1;
        long i = Math.min(index, lastIndex());
        while (i > floor && term(i) > term) {
            i--;
        }
        return i;
    }

    /**
     * The follower's side of AppendEntries (Raft §5.3): if the entry at {@code index} has
     * {@code logTerm}, append {@code entries} after it (dropping only the conflicting suffix, never
     * entries that already match: a stale, reordered append must not truncate a longer log), and
     * advance the commit index to the leader's {@code committed}, but not past the last entry this
     * append covers (entries after it may still be another leader's).
     *
     * @return the index of the last entry the append covers ({@code index + entries.size()}), or empty
     *     if the log does not contain an entry at {@code index} with {@code logTerm}
     * @throws IllegalStateException if a conflict would truncate a committed entry (a safety violation)
     */
    public OptionalLong maybeAppend(long index, long logTerm, long committed, List<Entry> entries) {
        if (!matchTerm(index, logTerm)) {
            return OptionalLong.empty();
        }
        long lastNew = index + entries.size();
        long conflict = findConflict(entries);
        if (conflict != 0) {
            if (conflict <= this.committed) {
                throw new IllegalStateException("entry " + conflict + " conflicts with the committed log (committed "
                        + this.committed + ")");
            }
            append(entries.subList(Math.toIntExact(conflict - index - 1), entries.size()));
        }
        commitTo(Math.min(committed, lastNew));
        return OptionalLong.of(lastNew);
    }

    /**
     * Appends consecutive {@code entries} to the unstable part; an entry at an index that already
     * exists replaces it and every entry after it.
     *
     * @return the new last index
     * @throws IllegalStateException if that would replace a committed entry, or leave a gap
     */
    public long append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return lastIndex();
        }
        long first = entries.get(0).index();
        if (first - 1 < committed) {
            throw new IllegalStateException("append at " + first + " would overwrite committed entries (committed "
                    + committed + ")");
        }
        if (first > lastIndex() + 1) {
            throw new IllegalStateException("append at " + first + " leaves a gap after the last index " + lastIndex());
        }
        truncateUnstableFrom(first);
        unstable.addAll(entries);
        return lastIndex();
    }

    /** Makes {@code first} the next unstable index, dropping unstable entries from there on. */
    private void truncateUnstableFrom(long first) {
        if (first >= unstableOffset) {
            unstable.subList(Math.toIntExact(first - unstableOffset), unstable.size()).clear();
        } else {
            // The new entries replace a suffix of the storage: the application truncates the storage
            // there when it persists them (MemoryStorage.append does).
            unstable.clear();
            unstableOffset = first;
        }
    }

    /**
     * The entries with indexes in {@code [lo, hi)}, cut to {@code maxSize} bytes ({@link Entry#size()})
     * but never to fewer than one entry.
     *
     * @throws CompactedException if {@code lo < firstIndex()}
     * @throws IllegalArgumentException if {@code lo > hi} or {@code hi > lastIndex() + 1}
     */
    public List<Entry> slice(long lo, long hi, long maxSize) {
        if (lo > hi || hi > lastIndex() + 1) {
            throw new IllegalArgumentException("invalid slice [" + lo + ", " + hi + ") of a log ending at " + lastIndex());
        }
        if (lo < firstIndex()) {
            throw new CompactedException(lo, firstIndex());
        }
        List<Entry> all = new ArrayList<>();
        if (lo < unstableOffset) {
            all.addAll(storage.entries(lo, Math.min(hi, unstableOffset), maxSize));
            if (all.size() < Math.min(hi, unstableOffset) - lo) {
                return all; // the storage already applied the size limit
            }
        }
        for (long i = Math.max(lo, unstableOffset); i < hi; i++) {
            all.add(unstable.get(Math.toIntExact(i - unstableOffset)));
        }
        return limitSize(all, maxSize);
    }

    private static List<Entry> limitSize(List<Entry> entries, long maxSize) {
        long size = 0;
        for (int i = 0; i < entries.size(); i++) {
            size += entries.get(i).size();
            if (i > 0 && size > maxSize) {
                return entries.subList(0, i);
            }
        }
        return entries;
    }

    /** The entries from {@code lo} to the last, cut like {@link #slice}; empty if {@code lo > lastIndex()}. */
    public List<Entry> entries(long lo, long maxSize) {
        return lo > lastIndex() ? List.of() : slice(lo, lastIndex() + 1, maxSize);
    }

    /** Every entry from {@link #firstIndex()} to {@link #lastIndex()}. */
    public List<Entry> allEntries() {
        return entries(firstIndex(), Long.MAX_VALUE);
    }

    /**
     * Advances the commit index to {@code maxIndex} if that is higher than the current one AND the entry
     * there has {@code term}. The leader passes its current term: Raft §5.4.2, a leader never commits
     * an entry of an older term by counting replicas.
     *
     * @return whether the commit index advanced
     */
    public boolean maybeCommit(long maxIndex, long term) {
        if (maxIndex > committed && term(maxIndex) == term) {
            commitTo(maxIndex);
            return true;
        }
        return false;
    }

    /**
     * Raises the commit index to {@code toCommit}; a lower value changes nothing (commit never
     * decreases).
     *
     * @throws IllegalStateException if {@code toCommit > lastIndex()}: the log would claim entries it
     *     does not have
     */
    public void commitTo(long toCommit) {
        if (toCommit <= committed) {
            return;
        }
        if (toCommit > lastIndex()) {
            throw new IllegalStateException("commit " + toCommit + " is past the last index " + lastIndex()
                    + ": was the log lost or corrupted?");
        }
        committed = toCommit;
    }

    /**
     * Records that the application applied everything up to {@code index}.
     *
     * @throws IllegalStateException if {@code index < applied()} or {@code index > committed()}
     */
    public void appliedTo(long index) {
        if (index < applied || index > committed) {
            throw new IllegalStateException("applied " + index + " is outside [applied " + applied + ", committed "
                    + committed + "]");
        }
        applied = index;
    }

    /** The unstable entries: appended but not yet persisted, in order. */
    public List<Entry> unstableEntries() {
        return List.copyOf(unstable);
    }

    /**
     * Records that the application persisted the entries up to {@code index}, whose term was
     * {@code term}. Ignored if the unstable entry at {@code index} has another term (it was replaced
     * after the Ready was taken) or is not unstable any more.
     */
    public void stableTo(long index, long term) {
        if (index < unstableOffset || index >= unstableOffset + unstable.size()) {
            return;
        }
        int upTo = Math.toIntExact(index - unstableOffset);
        if (unstable.get(upTo).term() != term) {
            return;
        }
        unstable.subList(0, upTo + 1).clear();
        unstableOffset = index + 1;
    }

    /**
     * The committed entries not yet applied: {@code (applied, committed]}, in order, starting no lower
     * than {@link #firstIndex()}; none while a snapshot is pending (the application installs it first).
     */
    public List<Entry> nextCommittedEntries() {
        return hasNextCommittedEntries()
                ? List.copyOf(slice(Math.max(applied + 1, firstIndex()), committed + 1, Long.MAX_VALUE))
                : List.of();
    }

    /** Whether {@link #nextCommittedEntries()} is not empty. */
    public boolean hasNextCommittedEntries() {
        // A pending snapshot is committed up to its index, which firstIndex() - 1 already is.
        return committed > Math.max(applied, firstIndex() - 1);
    }

    /** A snapshot received from the leader and not yet persisted (Project 2C). */
    public Optional<Snapshot> unstableSnapshot() {
        return Optional.ofNullable(pendingSnapshot);
    }

    /**
     * Replaces the whole log by {@code snapshot} (Project 2C): every entry is dropped, the snapshot's
     * index becomes committed, and the snapshot is pending until {@link #stableSnapTo}.
     */
    public void restore(Snapshot snapshot) {
        pendingSnapshot = snapshot;
        unstable.clear();
        unstableOffset = snapshot.metadata().index() + 1;
        committed = snapshot.metadata().index();
    }

    /**
     * The snapshot to send a follower that needs entries this log no longer has (Project 2C): the
     * pending one, else the storage's.
     *
     * @throws kvlab.raft.SnapshotUnavailableException if the storage is preparing one
     */
    public Snapshot snapshot() {
        return pendingSnapshot != null ? pendingSnapshot : storage.snapshot();
    }

    /** Records that the application persisted the pending snapshot at {@code index} (Project 2C). */
    public void stableSnapTo(long index) {
        if (pendingSnapshot != null && pendingSnapshot.metadata().index() == index) {
            pendingSnapshot = null;
        }
    }
}
