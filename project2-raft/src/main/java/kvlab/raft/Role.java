package kvlab.raft;

/** The role a Raft node plays (Raft §5.1; the pre-candidate is from the thesis §9.6). */
public enum Role {
    FOLLOWER,
    /** Asking for pre-votes: campaigning without raising its term yet. */
    PRE_CANDIDATE,
    CANDIDATE,
    LEADER
}
