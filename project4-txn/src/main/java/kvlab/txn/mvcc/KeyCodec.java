package kvlab.txn.mvcc;

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
    private KeyCodec() {}

    /**
     * The encoded key for {@code userKey} at {@code ts}.
     *
     * @throws IllegalArgumentException if {@code ts} is negative
     */
    public static byte[] encode(byte[] userKey, long ts) {
        // TODO(4a): write the groups of 8 bytes with their markers (the last group padded, and an
        // all-padding group when the length is a multiple of 8), then ~ts big-endian. Checked by
        // KeyCodecTest#encodesTheDocumentedBytes and KeyCodecTest#ordersByKeyThenNewestTimestampFirst.
        throw new UnsupportedOperationException("not implemented: TODO(4a) KeyCodec.encode");
    }

    /**
     * The user key of an encoded key.
     *
     * @throws IllegalArgumentException if {@code encoded} is not an output of {@link #encode}
     */
    public static byte[] decodeUserKey(byte[] encoded) {
        // TODO(4a): check the length, then undo the groups: each marker says how much padding its group
        // has (only the last group may have any, and padding bytes are 0). Checked by
        // KeyCodecTest#decodesWhatItEncodes and KeyCodecTest#rejectsMalformedKeys.
        throw new UnsupportedOperationException("not implemented: TODO(4a) KeyCodec.decodeUserKey");
    }

    /**
     * The timestamp of an encoded key.
     *
     * @throws IllegalArgumentException if {@code encoded} does not have the length of an encoded key,
     *     or its last 8 bytes are not the complement of a non-negative timestamp
     */
    public static long decodeTimestamp(byte[] encoded) {
        // TODO(4a): check the length, then complement the last 8 bytes read big-endian. Checked by
        // KeyCodecTest#decodesWhatItEncodes and KeyCodecTest#rejectsMalformedKeys.
        throw new UnsupportedOperationException("not implemented: TODO(4a) KeyCodec.decodeTimestamp");
    }
}
