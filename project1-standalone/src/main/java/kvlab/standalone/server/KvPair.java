package kvlab.standalone.server;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** One key and its value, as {@link RawScanResponse} returns them. Arrays are copied in and out. */
public record KvPair(byte[] key, byte[] value) {
    public KvPair {
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
        return o instanceof KvPair p && Arrays.equals(key, p.key) && Arrays.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(key) + "=" + HexFormat.of().formatHex(value);
    }
}
