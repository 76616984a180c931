package kvlab.txn.mvcc;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A record of the {@code write} family: at {@code encode(key, commitTs)}, which transaction
 * ({@code startTs}) wrote the key and how. For a {@link WriteKind#ROLLBACK} record, the key's
 * timestamp is the rolled-back transaction's own start timestamp.
 *
 * <p>Encoding ({@link #toBytes()}), {@value #ENCODED_LENGTH} bytes: the kind's
 * {@link WriteKind#code() code}, then {@code startTs} as 8 bytes big-endian.
 *
 * @param startTs the start timestamp of the transaction that wrote the record; not negative
 * @param kind what the transaction did
 */
public record Write(long startTs, WriteKind kind) {
    /** Bytes in an encoded write. */
    public static final int ENCODED_LENGTH = 9;

    public Write {
        if (startTs < 0) {
            throw new IllegalArgumentException("negative start timestamp " + startTs);
        }
        Objects.requireNonNull(kind, "kind");
    }

    /** The encoded record. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(ENCODED_LENGTH).put(kind.code()).putLong(startTs).array();
    }

    /**
     * Decodes {@link #toBytes()}.
     *
     * @throws IllegalArgumentException if {@code bytes} is not an encoded write
     */
    public static Write parse(byte[] bytes) {
        if (bytes.length != ENCODED_LENGTH) {
            throw new IllegalArgumentException("an encoded write has " + ENCODED_LENGTH + " bytes, not "
                    + bytes.length + ": " + Bytes.show(bytes));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        WriteKind kind = WriteKind.fromCode(buffer.get());
        return new Write(buffer.getLong(), kind);
    }

    @Override
    public String toString() {
        return kind + "@" + startTs;
    }
}
