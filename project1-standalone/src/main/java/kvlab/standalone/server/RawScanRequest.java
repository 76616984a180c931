package kvlab.standalone.server;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Asks for at most {@code limit} pairs of column family {@code cf}, in ascending unsigned key order,
 * starting at the first key greater than or equal to {@code startKey} (an empty start key means the
 * beginning). Fields are not validated here: {@link RawKvService} answers a negative limit or an
 * unknown family with an error. The start key is copied in and out.
 */
public record RawScanRequest(String cf, byte[] startKey, int limit) {
    public RawScanRequest {
        startKey = startKey.clone();
    }

    /** A copy of the start key. */
    @Override
    public byte[] startKey() {
        return startKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawScanRequest r && Objects.equals(cf, r.cf)
                && Arrays.equals(startKey, r.startKey) && limit == r.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cf, Arrays.hashCode(startKey), limit);
    }

    @Override
    public String toString() {
        return "RawScanRequest[" + cf + ", start=" + HexFormat.of().formatHex(startKey) + ", limit=" + limit + "]";
    }
}
