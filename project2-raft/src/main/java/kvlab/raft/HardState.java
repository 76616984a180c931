package kvlab.raft;

/**
 * The state a node must persist before it answers anybody (Raft figure 2, "persistent state"):
 * its current term, whom it voted for in that term, and how far it knows the log to be committed.
 *
 * <p>Invariants: all fields {@code >= 0}; {@code vote == 0} means "no vote in this term".
 *
 * @param term the latest term this node has seen
 * @param vote the candidate voted for in {@code term}, or 0
 * @param commit the highest log index known committed
 */
public record HardState(long term, long vote, long commit) {
    /** The state of a node that never ran. */
    public static final HardState EMPTY = new HardState(0, 0, 0);

    public HardState {
        if (term < 0 || vote < 0 || commit < 0) {
            throw new IllegalArgumentException("hard state fields must be >= 0: " + term + "/" + vote + "/" + commit);
        }
    }

    /** Whether this is {@link #EMPTY}. */
    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
