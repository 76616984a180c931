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
        this.next = next;
        this.maxInflight = maxInflight;
    }

    /** The highest index known to be replicated on the follower. */
    public long match() {
        return match;
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
        boolean updated = index > match;
        if (updated) {
            match = index;
            probeSent = false;
        }
        next = Math.max(next, index + 1);
        return updated;
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
        if (state == State.REPLICATE) {
            if (rejected <= match) {
                return false;
            }
            next = match + 1;
            return true;
        }
        if (next - 1 != rejected) {
            return false;
        }
        next = Math.max(Math.min(rejected, hint + 1), match + 1);
        probeSent = false;
        return true;
    }

    /**
     * Switches to {@link State#PROBE}, nothing in flight, not paused; the probe starts just after match.
     * Coming from {@link State#SNAPSHOT} it starts just after the snapshot if that is further: the probe
     * asks whether the snapshot arrived, and a rejection leads back to sending it.
     */
    public void becomeProbe() {
        next = Math.max(match, state == State.SNAPSHOT ? pendingSnapshot : 0) + 1;
        reset(State.PROBE);
    }

    /** Switches to {@link State#REPLICATE}, nothing in flight; streaming restarts just after match. */
    public void becomeReplicate() {
        next = match + 1;
        reset(State.REPLICATE);
    }

    /**
     * Switches to {@link State#SNAPSHOT} (Project 2C): the leader sent the snapshot at {@code snapshotIndex}
     * because the follower needs entries the leader's log no longer has; appends pause until the follower
     * acknowledges an index at or past it.
     */
    public void becomeSnapshot(long snapshotIndex) {
        reset(State.SNAPSHOT);
        pendingSnapshot = snapshotIndex;
    }

    /** In {@link State#SNAPSHOT}, the index of the snapshot sent; otherwise 0. */
    public long pendingSnapshot() {
        return pendingSnapshot;
    }

    private void reset(State newState) {
        state = newState;
        probeSent = false;
        pendingSnapshot = 0;
        inflights.clear();
    }

    /**
     * The leader sent an append whose last entry is {@code lastIndex} ({@code next - 1} for an append
     * without entries). In {@link State#REPLICATE} with entries: next moves past them and the append
     * counts as in flight. In {@link State#PROBE}: the probe pauses until an answer.
     */
    public void sentAppend(long lastIndex, boolean hasEntries) {
        if (state == State.REPLICATE && hasEntries) {
            next = lastIndex + 1;
            inflights.addLast(lastIndex);
        } else if (state == State.PROBE) {
            probeSent = true;
        }
    }

    /** Acknowledged appends ending at or below {@code index} are no longer in flight. */
    public void freeInflightsTo(long index) {
        while (!inflights.isEmpty() && inflights.peekFirst() <= index) {
            inflights.removeFirst();
        }
    }

    /**
     * A heartbeat response arrived: the follower is alive. A paused probe may send again, and a full
     * inflight window frees its oldest slot: those appends may have been lost (the follower crashed or
     * was cut off), and without a free slot the leader would never send the append whose rejection
     * makes it fall back to probing.
     */
    public void onHeartbeatResponse() {
        probeSent = false;
        if (state == State.REPLICATE && inflights.size() >= maxInflight) {
            inflights.removeFirst();
        }
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
        return switch (state) {
            case PROBE -> probeSent;
            case REPLICATE -> inflights.size() >= maxInflight;
            case SNAPSHOT -> true;
        };
    }
}
