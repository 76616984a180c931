package kvlab.raft;

/** The requested log index is older than the first entry kept: it was compacted into a snapshot. */
public final class CompactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompactedException(long index, long firstIndex) {
        super("log index " + index + " is compacted; the first available index is " + firstIndex);
    }
}
