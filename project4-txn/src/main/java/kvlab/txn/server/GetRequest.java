package kvlab.txn.server;

import java.util.Arrays;
import java.util.Objects;
import kvlab.txn.mvcc.Bytes;

/**
 * Asks for the value of {@code key} as a transaction that started at {@code version} sees it. The key
 * is copied in and out.
 *
 * @param key the key to read
 * @param version the reader's start timestamp; not negative
 */
public record GetRequest(byte[] key, long version) {
    public GetRequest {
        key = key.clone();
        if (version < 0) {
            throw new IllegalArgumentException("negative version " + version);
        }
    }

    /** A copy of the key. */
    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GetRequest r && Arrays.equals(key, r.key) && version == r.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), version);
    }

    @Override
    public String toString() {
        return "GetRequest[" + Bytes.show(key) + " at " + version + "]";
    }
}
