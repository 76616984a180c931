package kvlab.txn.sim;

/** How a {@link Transaction#commit} ended. */
public sealed interface CommitOutcome
        permits CommitOutcome.Committed, CommitOutcome.Aborted, CommitOutcome.Stopped {
    /** The transaction's start timestamp. */
    long startTs();

    /**
     * The transaction committed at {@code commitTs}: its writes are visible to every transaction that
     * starts later. A transaction that wrote nothing commits at its start timestamp.
     */
    record Committed(long startTs, long commitTs) implements CommitOutcome {}

    /** The transaction did not commit, and never will, for {@code reason} (a conflict, a rollback). */
    record Aborted(long startTs, String reason) implements CommitOutcome {}

    /** The transaction stopped at {@code point} as asked by the test, with its fate undecided by the client. */
    record Stopped(long startTs, CrashPoint point) implements CommitOutcome {}
}
