package kvlab.raft.core;

import java.util.ArrayDeque;
import java.util.Deque;

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

    // The state the provided getters read; add what else you need, rename freely.
    private final int maxInflight;
    private long match;
    private long next;
    private State state = State.PROBE;
    /** In PROBE: an append was sent and not answered yet. */
    private boolean probeSent;
    private boolean recentActive;
    /** In REPLICATE: the last index of each unacknowledged append, oldest first. */
    private final Deque<Long> inflights = new ArrayDeque<>();
    /** In SNAPSHOT: the index of the snapshot sent; else 0. */
    private long pendingSnapshot;

    /** A follower about which nothing is known yet: match 0, the given next, in {@link State#PROBE}. */
    public Progress(long next, int maxInflight) {
        // TODO(2a): nothing is known of the follower yet. Checked by ProgressTest#startsProbingWithMatchZero.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.<init>");
    }

    /** The highest index known to be replicated on the follower. */
    public long match() {
        return match; // provided, like the other getters: they read the fields above
    }

    /** The index of the next entry to send. */
    public long next() {
        return next;
    }

    /** The pacing state. */
    public State state() {
        return state;
    }

    /** Whether the follower was heard from since the leader last checked its quorum. */
    public boolean recentActive() {
        return recentActive;
    }

    /** Sets {@link #recentActive()}: true on any message from the follower, false at each quorum check. */
    public void setRecentActive(boolean active) {
        recentActive = active;
    }

    /**
     * The follower acknowledged the log up to {@code index}: raises match to it and next past it (neither
     * ever goes down), and unpauses a probe.
     *
     * @return whether match increased (a stale acknowledgement returns false)
     */
    public boolean maybeUpdate(long index) {
        // TODO(2a): a stale acknowledgement must not move anything back. Checked by
        // ProgressTest#maybeUpdateNeverGoesBackwards.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.maybeUpdate");
    }

    /**
     * The follower rejected the append at {@code rejected}; {@code hint} is the highest index at which
     * the leader now guesses the logs may match (already reduced by fast backtracking). A stale
     * rejection, one that does not answer the append this progress waits for, changes nothing: in
     * {@link State#REPLICATE} a rejection at or below match, in {@link State#PROBE} one of anything but
     * {@code next - 1} (the probe sent). Otherwise next moves back: in {@link State#REPLICATE} to just
     * after match; in {@link State#PROBE} to just after the hint, but never above {@code rejected} nor
     * at or below match, and the probe unpauses.
     *
     * @return whether next changed (false for a stale rejection)
     */
    public boolean maybeDecrTo(long rejected, long hint) {
        // TODO(2a): first tell stale rejections apart (they change nothing), then move next back within the
        // bounds above. Checked by ProgressTest#maybeDecrToIgnoresStaleRejections.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.maybeDecrTo");
    }

    /**
     * Switches to {@link State#PROBE}, nothing in flight, not paused; the probe starts just after match.
     * Coming from {@link State#SNAPSHOT} it starts just after the snapshot if that is further: the probe
     * asks whether the snapshot arrived, and a rejection leads back to sending it.
     */
    public void becomeProbe() {
        // TODO(2a): change state, and clear the pause and the inflight window. Checked by
        // ProgressTest#probeSendsOneAppendAtATime.
        // TODO(2c): coming from SNAPSHOT. Checked by RaftSnapshotTest#heartbeatAnswerWithoutAcknowledgementProbesAgain.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.becomeProbe");
    }

    /** Switches to {@link State#REPLICATE}, nothing in flight; streaming restarts just after match. */
    public void becomeReplicate() {
        // TODO(2a): change state and clear the inflight window. Checked by
        // ProgressTest#replicateStreamsUntilTheInflightLimit.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.becomeReplicate");
    }

    /**
     * Switches to {@link State#SNAPSHOT} (Project 2C): the leader sent the snapshot at {@code snapshotIndex}
     * because the follower needs entries the leader's log no longer has; appends pause until the follower
     * acknowledges an index at or past it.
     */
    public void becomeSnapshot(long snapshotIndex) {
        // TODO(2c): change state, nothing in flight, and remember the snapshot's index for pendingSnapshot().
        // Checked by RaftSnapshotTest#leaderSendsASnapshotToAFollowerBehindItsFirstIndex.
        throw new UnsupportedOperationException("not implemented: TODO(2c) Progress.becomeSnapshot");
    }

    /** In {@link State#SNAPSHOT}, the index of the snapshot sent; otherwise 0. */
    public long pendingSnapshot() {
        return pendingSnapshot; // provided, like the getters above: keep pendingSnapshot up to date (2c)
    }

    /**
     * The leader sent an append whose last entry is {@code lastIndex} ({@code next - 1} for an append
     * without entries). In {@link State#REPLICATE} with entries: next moves past them and the append
     * counts as in flight. In {@link State#PROBE}: the probe pauses until an answer.
     */
    public void sentAppend(long lastIndex, boolean hasEntries) {
        // TODO(2a): what changes depends on the state; in REPLICATE an append without entries changes nothing.
        // Checked by ProgressTest#replicateStreamsUntilTheInflightLimit.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.sentAppend");
    }

    /** Acknowledged appends ending at or below {@code index} are no longer in flight. */
    public void freeInflightsTo(long index) {
        // TODO(2a): free the slots of acknowledged appends. Checked by
        // ProgressTest#replicateStreamsUntilTheInflightLimit.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.freeInflightsTo");
    }

    /**
     * A heartbeat response arrived: the follower is alive. A paused probe may send again, and a full
     * inflight window frees its oldest slot: those appends may have been lost (the follower crashed or
     * was cut off), and without a free slot the leader would never send the append whose rejection
     * makes it fall back to probing.
     */
    public void onHeartbeatResponse() {
        // TODO(2a): unpause a probe; free one slot of a full window. Checked by
        // ProgressTest#probeSendsOneAppendAtATime and ProgressTest#heartbeatResponseFreesAFullWindow.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.onHeartbeatResponse");
    }

    /** How many appends are in flight (only counted in {@link State#REPLICATE}). */
    public int inflight() {
        return inflights.size();
    }

    /**
     * Whether the leader must not send appends now: a probe already sent, the inflight limit reached
     * while replicating, or a snapshot pending. Heartbeats are sent regardless.
     */
    public boolean isPaused() {
        // TODO(2a): one answer per state. Checked by ProgressTest#probeSendsOneAppendAtATime.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Progress.isPaused");
    }
}
