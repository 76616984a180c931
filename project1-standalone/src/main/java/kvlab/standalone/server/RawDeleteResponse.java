package kvlab.standalone.server;

import java.util.Objects;

/**
 * The answer to a {@link RawDeleteRequest}.
 *
 * @param error why the request failed, or {@code ""} when the delete was applied (also when the key
 *     was absent)
 */
public record RawDeleteResponse(String error) {
    public RawDeleteResponse {
        Objects.requireNonNull(error, "error");
    }

    /** The delete was applied. */
    public static RawDeleteResponse success() {
        return new RawDeleteResponse("");
    }

    /** The request was bad; {@code message} says why and must not be empty. */
    public static RawDeleteResponse failure(String message) {
        return new RawDeleteResponse(Errors.requireMessage(message));
    }
}
