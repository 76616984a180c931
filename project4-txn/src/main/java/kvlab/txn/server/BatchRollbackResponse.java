package kvlab.txn.server;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link BatchRollbackRequest}: success, or the error of the first key (in request
 * order) that could not be rolled back, in which case nothing was written.
 *
 * @param error why the rollback failed, if it did
 */
public record BatchRollbackResponse(Optional<KeyError> error) {
    public BatchRollbackResponse {
        Objects.requireNonNull(error, "error");
    }

    /** Every key is rolled back (now or earlier). */
    public static BatchRollbackResponse success() {
        return new BatchRollbackResponse(Optional.empty());
    }

    /** The rollback failed on a key for {@code error}; nothing was written. */
    public static BatchRollbackResponse failed(KeyError error) {
        return new BatchRollbackResponse(Optional.of(error));
    }
}
