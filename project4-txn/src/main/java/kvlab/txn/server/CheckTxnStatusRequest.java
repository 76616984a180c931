package kvlab.txn.server;

import java.util.Arrays;
import java.util.Objects;
import kvlab.txn.mvcc.Bytes;

/**
 * Asks what became of transaction {@code lockTs}, by its primary key, and to roll it back if its lock
 * has expired at {@code currentTs} (Percolator §2.2: the primary decides). The key is copied in and
 * out.
 *
 * @param primaryKey the transaction's primary key
 * @param lockTs the transaction's start timestamp; not negative
 * @param currentTs the asker's current timestamp, whose physical part the lock's ttl is measured
 *     against; not negative
 */
public record CheckTxnStatusRequest(byte[] primaryKey, long lockTs, long currentTs) {
    public CheckTxnStatusRequest {
        primaryKey = primaryKey.clone();
        if (lockTs < 0 || currentTs < 0) {
            throw new IllegalArgumentException("negative lockTs " + lockTs + " or currentTs " + currentTs);
        }
    }

    /** A copy of the primary key. */
    @Override
    public byte[] primaryKey() {
        return primaryKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckTxnStatusRequest r && Arrays.equals(primaryKey, r.primaryKey)
                && lockTs == r.lockTs && currentTs == r.currentTs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(primaryKey), lockTs, currentTs);
    }

    @Override
    public String toString() {
        return "CheckTxnStatusRequest[primary " + Bytes.show(primaryKey) + " of " + lockTs + " at "
                + currentTs + "]";
    }
}
