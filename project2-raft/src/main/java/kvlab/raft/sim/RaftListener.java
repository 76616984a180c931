package kvlab.raft.sim;

import java.util.List;
import java.util.Optional;
import kvlab.raft.Entry;
import kvlab.raft.HardState;

/**
 * Watches what a {@link RaftNode} does, for tests: the cluster tests' invariant checker is one.
 *
 * <p>Contract: every call is made synchronously, inside the node's event, in this order per event:
 * {@link #persisted} (once per Ready, after the data is durable and before any message of that Ready
 * is sent), {@link #applied} (once per committed entry, in order), and finally {@link #eventDone}
 * once the node has no Ready left. {@link #started} comes once per incarnation, before anything else.
 * A listener may throw (an {@link AssertionError} naming a broken invariant): the exception leaves
 * the simulation and fails the test.
 */
public interface RaftListener {
    /** Listens to nothing. */
    RaftListener NONE = new RaftListener() {};

    /** A node incarnation was built from what its disk held ({@code log} empty and hard state empty at first start). */
    default void started(RaftNode node, HardState hardState, List<Entry> log) {}

    /** A Ready's hard state (if it had one) and entries were made durable. */
    default void persisted(RaftNode node, Optional<HardState> hardState, List<Entry> entries) {}

    /** The node's state machine applied {@code entry}. */
    default void applied(RaftNode node, Entry entry) {}

    /** The node finished handling one tick, message or proposal, Readies included. */
    default void eventDone(RaftNode node) {}
}
