package kvlab.txn.server;

import java.util.List;

/**
 * The answer to a {@link PrewriteRequest}: no errors when every key was prewritten, else one error
 * per key that could not be (and then nothing was written).
 *
 * @param errors the keys' errors, in the order of the request's mutations
 */
public record PrewriteResponse(List<KeyError> errors) {
    public PrewriteResponse {
        errors = List.copyOf(errors);
    }

    /** Every key was prewritten. */
    public static PrewriteResponse success() {
        return new PrewriteResponse(List.of());
    }
}
