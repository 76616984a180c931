package kvlab.standalone.server;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Asks for the value of {@code key} in column family {@code cf}. Fields are not validated here: a
 * request comes from outside, and {@link RawKvService} answers a bad one with an error. The key is
 * copied in and out, so the request is immutable.
 */
public record RawGetRequest(String cf, byte[] key) {
    public RawGetRequest {
        key = key.clone();
    }

    /** A copy of the key. */
    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawGetRequest r && Objects.equals(cf, r.cf) && Arrays.equals(key, r.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cf, Arrays.hashCode(key));
    }

    @Override
    public String toString() {
        return "RawGetRequest[" + cf + ", key=" + HexFormat.of().formatHex(key) + "]";
    }
}
