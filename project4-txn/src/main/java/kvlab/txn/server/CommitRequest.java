package kvlab.txn.server;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import kvlab.txn.mvcc.Bytes;

/**
 * Asks to commit transaction {@code startTs} at {@code commitTs} on {@code keys} (Percolator §2.2,
 * the second phase). The keys are copied in and out.
 *
 * @param startTs the transaction's start timestamp; not negative
 * @param keys the keys to commit, each prewritten by the transaction; may be empty
 * @param commitTs the commit timestamp; greater than {@code startTs}
 */
public record CommitRequest(long startTs, List<byte[]> keys, long commitTs) {
    public CommitRequest {
        if (startTs < 0 || commitTs <= startTs) {
            throw new IllegalArgumentException("need 0 <= startTs < commitTs, got startTs " + startTs
                    + " and commitTs " + commitTs);
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
        return o instanceof CommitRequest r && startTs == r.startTs && commitTs == r.commitTs
                && keys.size() == r.keys.size()
                && IntStream.range(0, keys.size()).allMatch(i -> Arrays.equals(keys.get(i), r.keys.get(i)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(startTs, commitTs, keys.stream().map(Arrays::hashCode).toList());
    }

    @Override
    public String toString() {
        return "CommitRequest[" + startTs + " at " + commitTs + ", keys "
                + keys.stream().map(Bytes::show).toList() + "]";
    }
}
