package kvlab.txn.server;

/**
 * Asks to settle every lock transaction {@code startTs} still holds: commit them at {@code commitTs},
 * or roll them back when {@code commitTs} is 0 (the answer a client got from
 * {@link CheckTxnStatusRequest} about the primary).
 *
 * @param startTs the transaction's start timestamp; not negative
 * @param commitTs its commit timestamp, greater than {@code startTs}, or 0 to roll back
 */
public record ResolveLockRequest(long startTs, long commitTs) {
    public ResolveLockRequest {
        if (startTs < 0 || commitTs != 0 && commitTs <= startTs) {
            throw new IllegalArgumentException("need startTs >= 0 and commitTs 0 or > startTs, got startTs "
                    + startTs + " and commitTs " + commitTs);
        }
    }

    /** Whether the locks are to be rolled back rather than committed. */
    public boolean rollsBack() {
        return commitTs == 0;
    }
}
