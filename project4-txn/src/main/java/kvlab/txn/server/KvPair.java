package kvlab.txn.server;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import kvlab.txn.mvcc.Bytes;

/**
 * One entry of a {@link ScanResponse}: a key and its value, or a key whose value cannot be read yet
 * ({@code error}, a {@link KeyError.Locked}), then with an empty value. Arrays are copied in and out.
 */
public record KvPair(byte[] key, byte[] value, Optional<KeyError> error) {
    public KvPair {
        key = key.clone();
        value = value.clone();
        Objects.requireNonNull(error, "error");
    }

    /** {@code key} has {@code value}. */
    public static KvPair of(byte[] key, byte[] value) {
        return new KvPair(key, value, Optional.empty());
    }

    /** {@code key} cannot be read because of {@code error}. */
    public static KvPair failed(byte[] key, KeyError error) {
        return new KvPair(key, new byte[0], Optional.of(error));
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
        return o instanceof KvPair p && Arrays.equals(key, p.key) && Arrays.equals(value, p.value)
                && error.equals(p.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(value), error);
    }

    @Override
    public String toString() {
        return Bytes.show(key) + (error.isPresent() ? " " + error.get() : "=" + Bytes.show(value));
    }
}
