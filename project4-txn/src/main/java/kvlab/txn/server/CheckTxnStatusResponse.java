package kvlab.txn.server;

/** The answer to a {@link CheckTxnStatusRequest}: the transaction's fate, as its primary key tells. */
public sealed interface CheckTxnStatusResponse
        permits CheckTxnStatusResponse.LockAlive, CheckTxnStatusResponse.Committed,
                CheckTxnStatusResponse.RolledBack {
    /** The primary is still locked and its ttl has not expired: the transaction may yet commit. */
    record LockAlive(long ttl) implements CheckTxnStatusResponse {}

    /** The transaction committed at {@code commitTs}: its other locks may be rolled forward. */
    record Committed(long commitTs) implements CheckTxnStatusResponse {}

    /** The transaction is rolled back, for {@code cause}: its other locks may be rolled back. */
    record RolledBack(Cause cause) implements CheckTxnStatusResponse {}

    /** Why a transaction is rolled back. */
    enum Cause {
        /** A rollback record was there already; nothing was written. */
        EARLIER,
        /** Its primary lock had expired and this request rolled it back. */
        TTL_EXPIRED,
        /**
         * Its primary had neither lock nor record (the prewrite never arrived, or not yet), and this
         * request wrote a rollback record so that a late prewrite fails.
         */
        LOCK_NOT_FOUND
    }
}
