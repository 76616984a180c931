package kvlab.standalone.server;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Asks to remove {@code key} from column family {@code cf}; removing an absent key is not an error.
 * Fields are not validated here: {@link RawKvService} answers a bad request with an error. The key is
 * copied in and out.
 */
public record RawDeleteRequest(String cf, byte[] key) {
    public RawDeleteRequest {
        key = key.clone();
    }

    /** A copy of the key. */
    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawDeleteRequest r && Objects.equals(cf, r.cf) && Arrays.equals(key, r.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cf, Arrays.hashCode(key));
    }

    @Override
    public String toString() {
        return "RawDeleteRequest[" + cf + ", key=" + HexFormat.of().formatHex(key) + "]";
    }
}
