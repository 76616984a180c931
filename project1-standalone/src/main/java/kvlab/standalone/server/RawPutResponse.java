package kvlab.standalone.server;

import java.util.Objects;

/**
 * The answer to a {@link RawPutRequest}.
 *
 * @param error why the request failed, or {@code ""} when the put was applied
 */
public record RawPutResponse(String error) {
    public RawPutResponse {
        Objects.requireNonNull(error, "error");
    }

    /** The put was applied. */
    public static RawPutResponse success() {
        return new RawPutResponse("");
    }

    /** The request was bad; {@code message} says why and must not be empty. */
    public static RawPutResponse failure(String message) {
        return new RawPutResponse(Errors.requireMessage(message));
    }
}
