package kvlab.txn.sim;

/**
 * Where a test makes a client die in the middle of a commit: the transaction stops there (sends
 * nothing more) and reports {@link CommitOutcome.Stopped}; the test then crashes the client node.
 */
public enum CrashPoint {
    /** Run the commit to its end. */
    NONE,
    /** Stop once every key is prewritten, before asking for a commit timestamp. */
    AFTER_PREWRITE,
    /** Stop once the primary is committed, before committing any secondary. */
    AFTER_PRIMARY_COMMIT
}
