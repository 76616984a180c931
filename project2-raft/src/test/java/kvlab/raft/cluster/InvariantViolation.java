package kvlab.raft.cluster;

/**
 * A Raft safety invariant failed during a simulated cluster run. The message names the invariant,
 * the nodes, the index or term, the virtual time and the seed that replays the run.
 */
public final class InvariantViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final Invariant invariant;

    public InvariantViolation(Invariant invariant, String detail, String where) {
        super("Raft invariant violated: " + invariant.title + ": " + detail + " [" + where + "]");
        this.invariant = invariant;
    }

    /** Which invariant failed. */
    public Invariant invariant() {
        return invariant;
    }

    /**
     * The invariants {@link InvariantChecker} checks after every simulated event (and
     * {@code kvlab.kv.PeerInvariants} those a store peer's status shows).
     */
    public enum Invariant {
        ELECTION_SAFETY("election safety (at most one leader per term, Raft §5.2)"),
        ONE_VOTE_PER_TERM("one vote per term (Raft §5.2; the vote must be persisted)"),
        LOG_MATCHING("log matching (same index and term => same entry and same prefix, Raft §5.3)"),
        LOG_CONTIGUOUS("log contiguity (a node's log has no gaps)"),
        COMMITTED_NEVER_CHANGE("committed entries never change (a node truncated its own committed entry)"),
        STATE_MACHINE_SAFETY("state machine safety (every node applies the same entry at an index, Raft §5.4.3)"),
        APPLY_IN_ORDER("committed entries are applied in order, each exactly once"),
        APPLY_ONLY_COMMITTED("only committed entries are applied"),
        LEADER_COMPLETENESS("leader completeness (a new leader holds every committed entry, Raft §5.4)"),
        TERM_MONOTONIC("the term never decreases, across restarts too"),
        COMMIT_MONOTONIC("the commit index never decreases, across restarts too"),
        COMMIT_WITHIN_LOG("the commit index never passes the end of the node's log"),
        STATE_PERSISTED("once its Readies are handled, a node's term, vote, commit and log are all persisted"
                + " (a Ready carries every change)"),
        COMPACT_ONLY_APPLIED("only applied entries are compacted into a snapshot (Project 2C)");

        final String title;

        Invariant(String title) {
            this.title = title;
        }
    }
}
