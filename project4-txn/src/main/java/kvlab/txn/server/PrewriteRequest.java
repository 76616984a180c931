package kvlab.txn.server;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kvlab.txn.mvcc.Bytes;

/**
 * Asks to prewrite {@code mutations} for transaction {@code startTs}: lock every key and stage its
 * value (Percolator §2.2, the first phase of two-phase commit). The primary is copied in and out.
 *
 * @param mutations the changes, at most one per key; may be empty
 * @param primary the transaction's primary key, recorded in every lock
 * @param startTs the transaction's start timestamp; not negative
 * @param lockTtl the time to live recorded in every lock; not negative
 */
public record PrewriteRequest(List<Mutation> mutations, byte[] primary, long startTs, long lockTtl) {
    public PrewriteRequest {
        mutations = List.copyOf(mutations);
        primary = primary.clone();
        if (startTs < 0 || lockTtl < 0) {
            throw new IllegalArgumentException("negative start timestamp " + startTs + " or ttl " + lockTtl);
        }
    }

    /** A copy of the primary key. */
    @Override
    public byte[] primary() {
        return primary.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrewriteRequest r && mutations.equals(r.mutations)
                && Arrays.equals(primary, r.primary) && startTs == r.startTs && lockTtl == r.lockTtl;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mutations, Arrays.hashCode(primary), startTs, lockTtl);
    }

    @Override
    public String toString() {
        return "PrewriteRequest[" + mutations + ", primary " + Bytes.show(primary) + ", startTs " + startTs
                + ", ttl " + lockTtl + "]";
    }
}
