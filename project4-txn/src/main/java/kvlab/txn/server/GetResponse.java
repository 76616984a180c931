package kvlab.txn.server;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import kvlab.txn.mvcc.Bytes;

/**
 * The answer to a {@link GetRequest}, in one of three shapes, each built by its factory: found
 * ({@link #found}), absent ({@link #missing()}) or blocked by a lock ({@link #failed}).
 *
 * <p>Invariants: when {@code notFound} or failed, {@code value} is empty and says nothing. The value
 * is copied in and out.
 *
 * @param value the value found (an empty value is a value)
 * @param notFound whether the key has no value at the requested version
 * @param error why the read could not be answered, usually {@link KeyError.Locked}
 */
public record GetResponse(byte[] value, boolean notFound, Optional<KeyError> error) {
    public GetResponse {
        value = value.clone();
        Objects.requireNonNull(error, "error");
    }

    /** The key has {@code value}. */
    public static GetResponse found(byte[] value) {
        return new GetResponse(value, false, Optional.empty());
    }

    /** The key has no value at the requested version: not an error. */
    public static GetResponse missing() {
        return new GetResponse(new byte[0], true, Optional.empty());
    }

    /** The read could not be answered because of {@code error}. */
    public static GetResponse failed(KeyError error) {
        return new GetResponse(new byte[0], false, Optional.of(error));
    }

    /** A copy of the value. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GetResponse r && Arrays.equals(value, r.value) && notFound == r.notFound
                && error.equals(r.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(value), notFound, error);
    }

    @Override
    public String toString() {
        if (error.isPresent()) {
            return "GetResponse[" + error.get() + "]";
        }
        return notFound ? "GetResponse[not found]" : "GetResponse[value " + Bytes.show(value) + "]";
    }
}
