package kvlab.txn.server;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link CommitRequest}: success, or the error of the first key (in request order)
 * that could not be committed, in which case nothing was written.
 *
 * @param error why the commit failed, if it did
 */
public record CommitResponse(Optional<KeyError> error) {
    public CommitResponse {
        Objects.requireNonNull(error, "error");
    }

    /** Every key was committed (now or by an earlier, identical request). */
    public static CommitResponse success() {
        return new CommitResponse(Optional.empty());
    }

    /** The commit failed on a key for {@code error}; nothing was written. */
    public static CommitResponse failed(KeyError error) {
        return new CommitResponse(Optional.of(error));
    }
}
