package kvlab.raft;

/** The requested log index is past the last entry stored. */
public final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(long index, long lastIndex) {
        super("log index " + index + " is unavailable; the last index is " + lastIndex);
    }
}
