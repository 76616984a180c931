package kvlab.raft.core;

/**
 * What a leader knows about one follower's log (Raft figure 2, matchIndex and nextIndex) and how it
 * paces appends to it.
 *
 * <p>Flow control: in {@link State#PROBE} the leader does not know where the logs match; it sends one
 * append and waits (paused) for the answer. In {@link State#REPLICATE} the logs matched recently; the
 * leader streams appends optimistically, advancing {@code next} as it sends, but keeps at most
 * {@code maxInflight} appends unacknowledged. {@link State#SNAPSHOT} waits for a snapshot (Project 2C).
 *
 * <p>Invariants: {@code 0 <= match < next}; {@code match} never decreases while this leader leads.
 */
public final class Progress {

    /** How the leader paces appends to this follower. */
    public enum State {
        /** One append at a time, until the logs are found to match. */
        PROBE,
        /** Optimistic streaming, bounded by the inflight limit. */
        REPLICATE,
        /** Waiting for a snapshot to be applied (Project 2C). */
        SNAPSHOT
    }

    /** A follower about which nothing is known yet: match 0, the given next, in {@link State#PROBE}. */
    public Progress(long next, int maxInflight) {
        // TODO(2a): Checked by ProgressTest#startsProbingWithMatchZero.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.<init>");
    }

    /** The highest index known to be replicated on the follower. */
    public long match() {
        // TODO(2a): Checked by ProgressTest#startsProbingWithMatchZero.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.match");
    }

    /** The index of the next entry to send. */
    public long next() {
        // TODO(2a): Checked by ProgressTest#startsProbingWithMatchZero.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.next");
    }

    /** The pacing state. */
    public State state() {
        // TODO(2a): Checked by ProgressTest#startsProbingWithMatchZero.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.state");
    }

    /** Whether the follower was heard from since the leader last checked its quorum. */
    public boolean recentActive() {
        // TODO(2a): Checked by RaftCheckQuorumTest#leaderStepsDownWithoutQuorum.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.recentActive");
    }

    /** Sets {@link #recentActive()}: true on any message from the follower, false at each quorum check. */
    public void setRecentActive(boolean active) {
        // TODO(2a): Checked by RaftCheckQuorumTest#leaderStepsDownWithoutQuorum.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.setRecentActive");
    }

    /**
     * The follower acknowledged the log up to {@code index}: raises match to it and next past it (neither
     * ever goes down), and unpauses a probe.
     *
     * @return whether match increased (a stale acknowledgement returns false)
     */
    public boolean maybeUpdate(long index) {
        // TODO(2a): Checked by ProgressTest#maybeUpdateNeverGoesBackwards.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.maybeUpdate");
    }

    /**
     * The follower rejected the append at {@code rejected}; {@code hint} is where the leader now guesses
     * the logs match (already reduced by fast backtracking). In {@link State#REPLICATE} a rejection of
     * an index at or below match is stale; otherwise next falls back to {@code match + 1}. In
     * {@link State#PROBE} a rejection of anything but {@code next - 1} is stale; otherwise next becomes
     * {@code max(min(rejected, hint + 1), match + 1)} and the probe unpauses.
     *
     * @return whether next changed (false for a stale rejection)
     */
    public boolean maybeDecrTo(long rejected, long hint) {
        // TODO(2a): Checked by ProgressTest#maybeDecrToIgnoresStaleRejections.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.maybeDecrTo");
    }

    /**
     * Switches to {@link State#PROBE}: next = match + 1, nothing in flight, not paused. Coming from
     * {@link State#SNAPSHOT}, next = {@code max(match, pendingSnapshot) + 1} instead: the probe asks
     * whether the snapshot arrived, and a rejection leads back to sending it.
     */
    public void becomeProbe() {
        // TODO(2a): Checked by ProgressTest#replicateStreamsUntilTheInflightLimit.
        // TODO(2c): from SNAPSHOT, next = max(match, pendingSnapshot) + 1. Checked by
        // RaftSnapshotTest#heartbeatAnswerWithoutAcknowledgementProbesAgain.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.becomeProbe");
    }

    /** Switches to {@link State#REPLICATE}: next = match + 1, nothing in flight. */
    public void becomeReplicate() {
        // TODO(2a): Checked by ProgressTest#replicateStreamsUntilTheInflightLimit.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.becomeReplicate");
    }

    /**
     * Switches to {@link State#SNAPSHOT} (Project 2C): the leader sent the snapshot at {@code snapshotIndex}
     * because the follower needs entries the leader's log no longer has; appends pause until the follower
     * acknowledges an index at or past it.
     */
    public void becomeSnapshot(long snapshotIndex) {
        // TODO(2c): nothing in flight; remember snapshotIndex. Checked by
        // RaftSnapshotTest#leaderSendsASnapshotToAFollowerBehindItsFirstIndex.
        throw new UnsupportedOperationException("not implemented: TODO(2c) Progress.becomeSnapshot");
    }

    /** In {@link State#SNAPSHOT}, the index of the snapshot sent; otherwise 0. */
    public long pendingSnapshot() {
        // TODO(2c): Checked by RaftSnapshotTest#leaderSendsASnapshotToAFollowerBehindItsFirstIndex.
        throw new UnsupportedOperationException("not implemented: TODO(2c) Progress.pendingSnapshot");
    }

    /**
     * The leader sent an append whose last entry is {@code lastIndex} ({@code next - 1} for an append
     * without entries). In {@link State#REPLICATE} with entries: next moves past them and the append
     * counts as in flight. In {@link State#PROBE}: the probe pauses until an answer.
     */
    public void sentAppend(long lastIndex, boolean hasEntries) {
        // TODO(2a): Checked by ProgressTest#replicateStreamsUntilTheInflightLimit.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.sentAppend");
    }

    /** Acknowledged appends ending at or below {@code index} are no longer in flight. */
    public void freeInflightsTo(long index) {
        // TODO(2a): Checked by ProgressTest#replicateStreamsUntilTheInflightLimit.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.freeInflightsTo");
    }

    /**
     * A heartbeat response arrived: the follower is alive. A paused probe may send again, and a full
     * inflight window frees its oldest slot: those appends may have been lost (the follower crashed or
     * was cut off), and without a free slot the leader would never send the append whose rejection
     * makes it fall back to probing.
     */
    public void onHeartbeatResponse() {
        // TODO(2a): Checked by ProgressTest#probeSendsOneAppendAtATime and
        // ProgressTest#heartbeatResponseFreesAFullWindow.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.onHeartbeatResponse");
    }

    /** How many appends are in flight (only counted in {@link State#REPLICATE}). */
    public int inflight() {
        // TODO(2a): Checked by ProgressTest#replicateStreamsUntilTheInflightLimit.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.inflight");
    }

    /**
     * Whether the leader must not send appends now: a probe already sent, the inflight limit reached
     * while replicating, or a snapshot pending. Heartbeats are sent regardless.
     */
    public boolean isPaused() {
        // TODO(2a): Checked by ProgressTest#probeSendsOneAppendAtATime.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.isPaused");
    }
}
