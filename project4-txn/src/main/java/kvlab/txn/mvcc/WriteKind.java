package kvlab.txn.mvcc;

/**
 * What a transaction did to a key: the kind of a {@link Write} record, and of the {@link Lock} that
 * precedes it (a lock is never of kind {@link #ROLLBACK}).
 */
public enum WriteKind {
    /** The transaction wrote a value, kept in the {@code default} family at its start timestamp. */
    PUT(1),
    /** The transaction deleted the key: reads at or after the commit see no value. */
    DELETE(2),
    /**
     * The transaction was rolled back; the record, keyed by the transaction's start timestamp, stops
     * a late prewrite or commit of it. Reads skip it.
     */
    ROLLBACK(3);

    private final byte code;

    WriteKind(int code) {
        this.code = (byte) code;
    }

    /** The byte that stands for this kind in encoded records (fixed: never the ordinal). */
    public byte code() {
        return code;
    }

    /**
     * The kind whose {@link #code()} is {@code code}.
     *
     * @throws IllegalArgumentException if no kind has that code
     */
    public static WriteKind fromCode(byte code) {
        for (WriteKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown write kind code " + code);
    }
}
