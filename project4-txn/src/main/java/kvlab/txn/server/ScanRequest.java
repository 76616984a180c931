package kvlab.txn.server;

import java.util.Arrays;
import java.util.Objects;
import kvlab.txn.mvcc.Bytes;

/**
 * Asks for up to {@code limit} keys from {@code startKey} on, in key order, with their values as a
 * transaction that started at {@code version} sees them. The key is copied in and out.
 *
 * @param startKey the first key to consider
 * @param limit the most entries to return; not negative
 * @param version the reader's start timestamp; not negative
 */
public record ScanRequest(byte[] startKey, int limit, long version) {
    public ScanRequest {
        startKey = startKey.clone();
        if (limit < 0 || version < 0) {
            throw new IllegalArgumentException("negative limit " + limit + " or version " + version);
        }
    }

    /** A copy of the start key. */
    @Override
    public byte[] startKey() {
        return startKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanRequest r && Arrays.equals(startKey, r.startKey) && limit == r.limit
                && version == r.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(startKey), limit, version);
    }

    @Override
    public String toString() {
        return "ScanRequest[from " + Bytes.show(startKey) + ", limit " + limit + ", at " + version + "]";
    }
}
