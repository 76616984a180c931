package kvlab.txn.server;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import kvlab.txn.mvcc.Bytes;

/**
 * Asks to roll back transaction {@code startTs} on {@code keys}. The keys are copied in and out.
 *
 * @param startTs the transaction's start timestamp; not negative
 * @param keys the keys to roll back; may be empty
 */
public record BatchRollbackRequest(long startTs, List<byte[]> keys) {
    public BatchRollbackRequest {
        if (startTs < 0) {
            throw new IllegalArgumentException("negative start timestamp " + startTs);
        }
        keys = keys.stream().map(byte[]::clone).toList();
    }

    /** Copies of the keys. */
    @Override
    public List<byte[]> keys() {
        return keys.stream().map(byte[]::clone).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchRollbackRequest r && startTs == r.startTs
                && keys.stream().map(Bytes::show).toList().equals(r.keys.stream().map(Bytes::show).toList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(startTs, keys.stream().map(Arrays::hashCode).toList());
    }

    @Override
    public String toString() {
        return "BatchRollbackRequest[" + startTs + ", keys " + keys.stream().map(Bytes::show).toList() + "]";
    }
}
