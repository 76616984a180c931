package kvlab.txn.mvcc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Keys of the {@code default} and {@code write} families: a user key and a timestamp in one byte
 * string whose unsigned byte order is the user key ascending (unsigned, a key before its extensions),
 * then the timestamp DESCENDING, so that a seek to {@code encode(key, ts)} lands on the newest version
 * of {@code key} at or below {@code ts}.
 *
 * <p>The encoding, exactly (the tests check these bytes):
 * <ol>
 *   <li>The user key, memcomparable: cut into groups of 8 bytes, the last group padded with
 *       {@code 0x00} to 8 bytes; after each group one marker byte, {@code 0xff} after a full group
 *       that more groups follow, {@code 0xff - padding} after the last group. A key of {@code n} bytes
 *       thus takes {@code (n / 8 + 1) * 9} bytes; a key whose length is a multiple of 8 (the empty key
 *       too) ends with an all-padding group marked {@code 0xf7}. No encoded user key is a prefix of
 *       another, which is what keeps the timestamp from mixing into the key order.
 *   <li>The timestamp: its bitwise complement {@code ~ts}, 8 bytes big-endian.
 * </ol>
 * Example: {@code encode("ab", 1)} is {@code 61 62 00 00 00 00 00 00 f9 ff ff ff ff ff ff ff fe}.
 *
 * <p>Timestamps are non-negative. Stateless and thread-safe.
 */
public final class KeyCodec {
    private static final int GROUP = 8;
    private static final int MARKER = 0xff;
    private static final int TS_BYTES = 8;

    private KeyCodec() {}

    /**
     * The encoded key for {@code userKey} at {@code ts}.
     *
     * @throws IllegalArgumentException if {@code ts} is negative
     */
    public static byte[] encode(byte[] userKey, long ts) {
        if (ts < 0) {
            throw new IllegalArgumentException("negative timestamp " + ts);
        }
        int groups = userKey.length / GROUP + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(groups * (GROUP + 1) + TS_BYTES);
        for (int start = 0; start <= userKey.length; start += GROUP) {
            int taken = Math.min(GROUP, userKey.length - start);
            out.write(userKey, start, taken);
            out.writeBytes(new byte[GROUP - taken]);
            // A full group gets 0xff only when more follow; when the key ends exactly here, the loop
            // runs once more and writes an all-padding group.
            out.write(MARKER - (GROUP - taken));
        }
        out.writeBytes(ByteBuffer.allocate(TS_BYTES).putLong(~ts).array());
        return out.toByteArray();
    }

    /**
     * The user key of an encoded key.
     *
     * @throws IllegalArgumentException if {@code encoded} is not an output of {@link #encode}
     */
    public static byte[] decodeUserKey(byte[] encoded) {
        int keyEnd = requireShape(encoded);
        ByteArrayOutputStream out = new ByteArrayOutputStream(keyEnd);
        for (int group = 0; group < keyEnd; group += GROUP + 1) {
            int padding = MARKER - Byte.toUnsignedInt(encoded[group + GROUP]);
            boolean last = group + GROUP + 1 == keyEnd;
            if (last ? padding < 1 || padding > GROUP : padding != 0) {
                throw malformed(encoded, "bad marker after the group at byte " + group);
            }
            for (int i = group + GROUP - padding; i < group + GROUP; i++) {
                if (encoded[i] != 0) {
                    throw malformed(encoded, "non-zero padding at byte " + i);
                }
            }
            out.write(encoded, group, GROUP - padding);
        }
        return out.toByteArray();
    }

    /**
     * The timestamp of an encoded key.
     *
     * @throws IllegalArgumentException if {@code encoded} does not have the length of an encoded key,
     *     or its last 8 bytes are not the complement of a non-negative timestamp
     */
    public static long decodeTimestamp(byte[] encoded) {
        int keyEnd = requireShape(encoded);
        long ts = ~ByteBuffer.wrap(encoded, keyEnd, TS_BYTES).getLong();
        if (ts < 0) {
            throw malformed(encoded, "negative timestamp " + ts);
        }
        return ts;
    }

    /** Checks the length and returns where the timestamp starts. */
    private static int requireShape(byte[] encoded) {
        int keyEnd = encoded.length - TS_BYTES;
        if (keyEnd < GROUP + 1 || keyEnd % (GROUP + 1) != 0) {
            throw malformed(encoded, "length " + encoded.length + " is not 9 * groups + 8");
        }
        return keyEnd;
    }

    private static IllegalArgumentException malformed(byte[] encoded, String why) {
        return new IllegalArgumentException("not an encoded key (" + why + "): " + Bytes.show(encoded));
    }
}
