package kvlab.txn.mvcc;

/**
 * The shape of a transaction timestamp, as a timestamp oracle hands them out (TiKV's TSO): the
 * physical time in milliseconds in the high bits, a logical counter in the low {@value #LOGICAL_BITS}
 * bits, so that timestamps are unique and increase even within one millisecond. Lock ttls are in
 * milliseconds of physical time.
 */
public final class Timestamps {
    /** Bits of the logical counter. */
    public static final int LOGICAL_BITS = 18;

    private Timestamps() {}

    /** The timestamp of logical step {@code logical} within millisecond {@code physical}. */
    public static long compose(long physical, long logical) {
        if (physical < 0 || logical < 0 || logical >= 1L << LOGICAL_BITS) {
            throw new IllegalArgumentException("bad physical " + physical + " or logical " + logical);
        }
        return physical << LOGICAL_BITS | logical;
    }

    /** The physical part (milliseconds) of {@code ts}. */
    public static long physical(long ts) {
        return ts >>> LOGICAL_BITS;
    }
}
