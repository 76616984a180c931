package kvlab.standalone.server;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Asks to set {@code key} to {@code value} in column family {@code cf}. Fields are not validated
 * here: {@link RawKvService} answers a bad request with an error. Arrays are copied in and out.
 */
public record RawPutRequest(String cf, byte[] key, byte[] value) {
    public RawPutRequest {
        key = key.clone();
        value = value.clone();
    }

    /** A copy of the key. */
    @Override
    public byte[] key() {
        return key.clone();
    }

    /** A copy of the value. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawPutRequest r && Objects.equals(cf, r.cf) && Arrays.equals(key, r.key)
                && Arrays.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cf, Arrays.hashCode(key), Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "RawPutRequest[" + cf + ", key=" + HexFormat.of().formatHex(key) + ", " + value.length + " bytes]";
    }
}
