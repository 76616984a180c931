package kvlab.raft;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of the replicated log.
 *
 * <p>Invariants: {@code index >= 1}, {@code term >= 1} (index 0 / term 0 is the empty log's
 * sentinel, never an entry); {@code data} is never null (an empty array for the leader's no-op).
 * Immutable: the constructor and {@link #data()} copy the array, so nobody can change an entry
 * that was handed to storage or to the network. {@code toString} prints the data readably.
 *
 * @param index position in the log, from 1
 * @param term the leader's term when the entry was created
 * @param type normal command or configuration change
 * @param data the command, opaque to Raft
 */
public record Entry(long index, long term, EntryType type, byte[] data) {
    /** Bytes counted per entry on top of its data by {@link #size()}: index and term. */
    public static final int HEADER_BYTES = 16;

    public Entry {
        if (index < 1 || term < 1) {
            throw new IllegalArgumentException("entry index and term must be >= 1, were " + index + "/" + term);
        }
        Objects.requireNonNull(type, "type");
        data = data.clone();
    }

    /** A normal entry. */
    public static Entry of(long index, long term, byte[] data) {
        return new Entry(index, term, EntryType.NORMAL, data);
    }

    /** A normal entry with no data (the leader's no-op, and handy in tests). */
    public static Entry empty(long index, long term) {
        return new Entry(index, term, EntryType.NORMAL, new byte[0]);
    }

    /** A copy of the data. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The length of the data, without copying it. */
    public int dataLength() {
        return data.length;
    }

    /**
     * The size this entry counts for in message and batch size limits: {@link #HEADER_BYTES} plus the
     * length of the data.
     */
    public long size() {
        return HEADER_BYTES + (long) data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Entry e && index == e.index && term == e.term && type == e.type
                && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, term, type.name(), Arrays.hashCode(data));
    }

    /** For example {@code 5/2 "put x"} or {@code 6/2 CONF_CHANGE 0x0a01}. */
    @Override
    public String toString() {
        String kind = type == EntryType.NORMAL ? "" : " " + type;
        return index + "/" + term + kind + " " + Bytes.show(data);
    }
}
