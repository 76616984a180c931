package kvlab.raft;

/** What an {@link Entry} carries: an application command, or a membership change (Project 3). */
public enum EntryType {
    /** An application command; also the empty entry a new leader appends (Raft §8). */
    NORMAL,
    /** A configuration change; Raft treats it as opaque data until Project 3 gives it meaning. */
    CONF_CHANGE
}
