package kvlab.raft;

/** The storage cannot produce a snapshot right now (it is being built); the caller retries later. */
public final class SnapshotUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SnapshotUnavailableException(String message) {
        super(message);
    }
}
