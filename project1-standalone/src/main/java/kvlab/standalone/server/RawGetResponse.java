package kvlab.standalone.server;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The answer to a {@link RawGetRequest}, in one of three shapes, each built by its factory: found
 * ({@link #of}), absent ({@link #missing()}) or failed ({@link #failure}).
 *
 * <p>Invariants: {@code error} is {@code ""} unless the request failed, and then says why; when
 * {@code notFound} or failed, {@code value} is empty and says nothing. The value is copied in and out.
 *
 * @param value the value found (possibly empty: an empty value is a value)
 * @param notFound whether the key was absent
 * @param error why the request failed, or {@code ""}
 */
public record RawGetResponse(byte[] value, boolean notFound, String error) {
    public RawGetResponse {
        value = value.clone();
        Objects.requireNonNull(error, "error");
    }

    /** The key was found with {@code value}. */
    public static RawGetResponse of(byte[] value) {
        return new RawGetResponse(value, false, "");
    }

    /** The key was absent: not an error. */
    public static RawGetResponse missing() {
        return new RawGetResponse(new byte[0], true, "");
    }

    /** The request was bad; {@code message} says why and must not be empty. */
    public static RawGetResponse failure(String message) {
        return new RawGetResponse(new byte[0], false, Errors.requireMessage(message));
    }

    /** A copy of the value. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawGetResponse r && Arrays.equals(value, r.value) && notFound == r.notFound
                && error.equals(r.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(value), notFound, error);
    }

    @Override
    public String toString() {
        return "RawGetResponse[value=" + HexFormat.of().formatHex(value) + ", notFound=" + notFound
                + ", error=" + error + "]";
    }
}
