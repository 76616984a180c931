package kvlab.raft.sim;

import kvlab.raft.Role;

/**
 * A snapshot of one node's Raft state, read through the Raft "interface for tests".
 *
 * @param id the node's id
 * @param term its current term
 * @param vote whom it voted for in {@code term}, or 0
 * @param role its role
 * @param lead the leader it knows of, or 0
 * @param commit its commit index
 * @param lastIndex the index of its last log entry, unstable ones included
 */
public record RaftStatus(long id, long term, long vote, Role role, long lead, long commit, long lastIndex) {
    /** Whether the node believes it is the leader. */
    public boolean isLeader() {
        return role == Role.LEADER;
    }
}
