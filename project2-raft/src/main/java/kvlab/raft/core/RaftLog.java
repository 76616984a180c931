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
    // The state the provided methods read; add what else you need, rename freely.
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
        // TODO(2a): nothing is unstable yet. Checked by RaftLogTest#newLogOverStorage.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.<init>");
    }

    /** The highest index known committed. */
    public long committed() {
        return committed; // provided, like the other one-line readers: they read the fields above
    }

    /** The highest index the application has applied. */
    public long applied() {
        return applied;
    }

    /** The index of the first entry available (the storage's, or a pending snapshot's index + 1). */
    public long firstIndex() {
        // TODO(2a): the first index the storage holds. Checked by RaftLogTest#newLogOverStorage.
        // TODO(2c): a pending snapshot comes first. Checked by RaftSnapshotTest#restoreReplacesTheLog.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.firstIndex");
    }

    /** The index of the last entry, unstable ones included ({@code firstIndex() - 1} if none). */
    public long lastIndex() {
        // TODO(2a): the highest index the log holds, persisted or not. Checked by
        // RaftLogTest#appendAddsUnstableEntriesAfterStorage.
        // TODO(2c): a pending snapshot counts. Checked by RaftSnapshotTest#restoreReplacesTheLog.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.lastIndex");
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
        // TODO(2a): answer for every index the log holds, and for firstIndex() - 1. Checked by
        // RaftLogTest#termOfEveryIndex.
        // TODO(2c): with a pending snapshot only its own index has a term. Checked by RaftSnapshotTest#restoreReplacesTheLog.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.term");
    }

    /** Whether the entry at {@code index} exists and has {@code term}; false when compacted or absent. */
    public boolean matchTerm(long index, long term) {
        // TODO(2a): never throw: an index outside the log does not match. Checked by
        // RaftLogTest#termOfEveryIndex.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.matchTerm");
    }

    /**
     * Whether a log ending at ({@code lastIndex}, {@code lastTerm}) is at least as up to date as this
     * one (Raft §5.4.1): a later last term wins; with equal last terms, the longer log wins.
     */
    public boolean isUpToDate(long lastIndex, long lastTerm) {
        // TODO(2a): Raft §5.4.1, as stated above. Checked by RaftLogTest#isUpToDateComparesLastTermThenLength.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.isUpToDate");
    }

    /**
     * The index of the first of {@code entries} that is not in this log with the same term: either a
     * conflict (same index, other term) or the first new entry past {@link #lastIndex()}.
     *
     * @param entries consecutive entries
     * @return that index, or 0 if every entry is already in the log
     */
    public long findConflict(List<Entry> entries) {
        // TODO(2a): compare by index and term. Checked by RaftLogTest#findConflictFindsFirstMismatchOrNewEntry.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.findConflict");
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
        // TODO(2a): stay within the log (see the bounds above). Checked by
        // RaftLogTest#findConflictByTermSkipsWholeTerms.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.findConflictByTerm");
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
        // TODO(2a): the trap is truncation. An append may arrive late and out of order, and carry entries
        // this log already has followed by longer ones it must keep: cut the log only where an entry
        // really conflicts (findConflict), and then never at or below the commit index. Checked by
        // RaftLogTest#maybeAppendAppliesTheConsistencyCheck and RaftLogTest#maybeAppendTruncatesOnlyAtAConflict.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.maybeAppend");
    }

    /**
     * Appends consecutive {@code entries} to the unstable part; an entry at an index that already
     * exists replaces it and every entry after it.
     *
     * @return the new last index
     * @throws IllegalStateException if that would replace a committed entry, or leave a gap
     */
    public long append(List<Entry> entries) {
        // TODO(2a): the first new entry may replace entries already in the storage (a new leader
        // overwrote them): the unstable part then starts there, and the storage drops its own copies when
        // the application persists these (MemoryStorage.append does). Checked by
        // RaftLogTest#appendAddsUnstableEntriesAfterStorage, RaftLogTest#appendTruncatesConflictingSuffix and
        // RaftLogTest#appendRefusesToOverwriteCommittedEntriesOrLeaveGaps.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.append");
    }

    /**
     * The entries with indexes in {@code [lo, hi)}, cut to {@code maxSize} bytes ({@link Entry#size()})
     * but never to fewer than one entry.
     *
     * @throws CompactedException if {@code lo < firstIndex()}
     * @throws IllegalArgumentException if {@code lo > hi} or {@code hi > lastIndex() + 1}
     */
    public List<Entry> slice(long lo, long hi, long maxSize) {
        // TODO(2a): the stable part comes from the storage, which may cut it by size already (then stop
        // there), the rest from the unstable entries. Checked by RaftLogTest#sliceSpansStorageAndUnstableWithSizeLimit.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.slice");
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
        // TODO(2a): commit only an entry of the given term. Checked by
        // RaftLogTest#maybeCommitOnlyCommitsTheGivenTerm.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.maybeCommit");
    }

    /**
     * Raises the commit index to {@code toCommit}; a lower value changes nothing (commit never
     * decreases).
     *
     * @throws IllegalStateException if {@code toCommit > lastIndex()}: the log would claim entries it
     *     does not have
     */
    public void commitTo(long toCommit) {
        // TODO(2a): fail loudly, with both indexes, past the last index. Checked by
        // RaftLogTest#commitToNeverDecreasesAndNeverPassesTheLog.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.commitTo");
    }

    /**
     * Records that the application applied everything up to {@code index}.
     *
     * @throws IllegalStateException if {@code index < applied()} or {@code index > committed()}
     */
    public void appliedTo(long index) {
        // TODO(2a): fail loudly, with the bounds, outside [applied, committed]. Checked by
        // RaftLogTest#committedEntriesAreDeliveredUntilApplied.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.appliedTo");
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
        // TODO(2a): drop the persisted prefix of the unstable entries, unless the term says they were replaced.
        // Checked by RaftLogTest#stableToMovesEntriesOutOfTheUnstablePart.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.stableTo");
    }

    /**
     * The committed entries not yet applied: {@code (applied, committed]}, in order, starting no lower
     * than {@link #firstIndex()}; none while a snapshot is pending (the application installs it first).
     */
    public List<Entry> nextCommittedEntries() {
        // TODO(2a): the committed entries the application has not applied yet. Checked by
        // RaftLogTest#committedEntriesAreDeliveredUntilApplied.
        // TODO(2c): nothing while a snapshot is pending; never below firstIndex(). Checked by
        // RaftSnapshotTest#restoreReplacesTheLog and RaftSnapshotTest#restartFromASnapshotDeliversOnlyLaterEntries.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.nextCommittedEntries");
    }

    /** Whether {@link #nextCommittedEntries()} is not empty. */
    public boolean hasNextCommittedEntries() {
        // TODO(2a): without building the list. Checked by RaftLogTest#committedEntriesAreDeliveredUntilApplied.
        // TODO(2c): as above, and nothing while a snapshot is pending. Checked by
        // RaftSnapshotTest#restoreReplacesTheLog.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RaftLog.hasNextCommittedEntries");
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
        // TODO(2c): drop every entry, commit the snapshot's index, keep the snapshot pending. Checked by
        // RaftSnapshotTest#restoreReplacesTheLog.
        throw new UnsupportedOperationException("not implemented: TODO(2c) RaftLog.restore");
    }

    /**
     * The snapshot to send a follower that needs entries this log no longer has (Project 2C): the
     * pending one, else the storage's.
     *
     * @throws kvlab.raft.SnapshotUnavailableException if the storage is preparing one
     */
    public Snapshot snapshot() {
        // TODO(2c): the pending snapshot, else ask the storage. Checked by
        // RaftSnapshotTest#leaderSendsASnapshotToAFollowerBehindItsFirstIndex.
        throw new UnsupportedOperationException("not implemented: TODO(2c) RaftLog.snapshot");
    }

    /** Records that the application persisted the pending snapshot at {@code index} (Project 2C). */
    public void stableSnapTo(long index) {
        // TODO(2c): forget the pending snapshot if it is the one at index. Checked by
        // RaftSnapshotTest#rawNodeDeliversTheSnapshotThenEntriesAfterIt.
        throw new UnsupportedOperationException("not implemented: TODO(2c) RaftLog.stableSnapTo");
    }
}
