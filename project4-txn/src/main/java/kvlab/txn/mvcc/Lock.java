package kvlab.txn.mvcc;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A record of the {@code lock} family, keyed by the plain user key: transaction {@code startTs} has
 * prewritten the key and has neither committed nor rolled back yet (Percolator §2.2).
 *
 * <p>Encoding ({@link #toBytes()}): the kind's {@link WriteKind#code() code}, {@code startTs} and
 * {@code ttl} as 8 bytes big-endian each, then the primary key's bytes up to the end (17 bytes plus
 * the primary).
 *
 * @param primary the transaction's primary key, whose lock or write record decides the whole
 *     transaction's fate; may be empty, since any byte string is a key
 * @param startTs the transaction's start timestamp; not negative
 * @param ttl how long the lock may live before others may roll the transaction back; not negative
 * @param kind what the transaction will write when it commits: {@link WriteKind#PUT} or
 *     {@link WriteKind#DELETE}, never {@link WriteKind#ROLLBACK}
 */
public record Lock(byte[] primary, long startTs, long ttl, WriteKind kind) {
    private static final int FIXED_LENGTH = 17;

    public Lock {
        primary = primary.clone();
        if (startTs < 0 || ttl < 0) {
            throw new IllegalArgumentException("negative start timestamp " + startTs + " or ttl " + ttl);
        }
        if (Objects.requireNonNull(kind, "kind") == WriteKind.ROLLBACK) {
            throw new IllegalArgumentException("a lock is of kind PUT or DELETE, never ROLLBACK");
        }
    }

    /** A copy of the primary key. */
    @Override
    public byte[] primary() {
        return primary.clone();
    }

    /** The encoded record. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(FIXED_LENGTH + primary.length)
                .put(kind.code()).putLong(startTs).putLong(ttl).put(primary).array();
    }

    /**
     * Decodes {@link #toBytes()}.
     *
     * @throws IllegalArgumentException if {@code bytes} is not an encoded lock
     */
    public static Lock parse(byte[] bytes) {
        if (bytes.length < FIXED_LENGTH) {
            throw new IllegalArgumentException("an encoded lock has at least " + FIXED_LENGTH + " bytes, not "
                    + bytes.length + ": " + Bytes.show(bytes));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        WriteKind kind = WriteKind.fromCode(buffer.get());
        long startTs = buffer.getLong();
        long ttl = buffer.getLong();
        return new Lock(Arrays.copyOfRange(bytes, FIXED_LENGTH, bytes.length), startTs, ttl, kind);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lock l && Arrays.equals(primary, l.primary) && startTs == l.startTs
                && ttl == l.ttl && kind == l.kind;
    }

    @Override
    public int hashCode() {
        // The code, not the enum: an enum's own hash varies from run to run.
        return Objects.hash(Arrays.hashCode(primary), startTs, ttl, kind.code());
    }

    @Override
    public String toString() {
        return "Lock[" + kind + " by " + startTs + ", primary=" + Bytes.show(primary) + ", ttl=" + ttl + "]";
    }
}
