package kvlab.kv;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The byte format of a store snapshot (Project 2C): key/value pairs in unsigned key order, each as
 * {@code int length, bytes} for the key then the value, after an {@code int} count. What the pairs are
 * is the store's business (its Javadoc says); this class only encodes them, so that every peer, the
 * tests and the framework's own fixtures read snapshots the same way. Provided code.
 */
public final class StoreSnapshot {
    private StoreSnapshot() {}

    /** A new empty map ordered the way snapshots are: unsigned byte order of the keys. */
    public static NavigableMap<byte[], byte[]> newPairs() {
        return new TreeMap<>(Arrays::compareUnsigned);
    }

    /** The bytes of {@code pairs}, in key order. */
    public static byte[] encode(Map<byte[], byte[]> pairs) {
        NavigableMap<byte[], byte[]> sorted = newPairs();
        sorted.putAll(pairs);
        int size = Integer.BYTES;
        for (Map.Entry<byte[], byte[]> p : sorted.entrySet()) {
            size += 2 * Integer.BYTES + p.getKey().length + p.getValue().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(sorted.size());
        sorted.forEach((k, v) -> out.putInt(k.length).put(k).putInt(v.length).put(v));
        return out.array();
    }

    /**
     * The pairs {@code data} holds.
     *
     * @throws IllegalArgumentException if {@code data} is not a whole snapshot in this format
     */
    public static NavigableMap<byte[], byte[]> decode(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        NavigableMap<byte[], byte[]> pairs = newPairs();
        try {
            for (int count = in.getInt(); count > 0; count--) {
                byte[] key = new byte[in.getInt()];
                in.get(key);
                byte[] value = new byte[in.getInt()];
                in.get(value);
                pairs.put(key, value);
            }
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("not a store snapshot: " + data.length + " bytes cut short or damaged", e);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("not a store snapshot: " + in.remaining() + " bytes after the last pair");
        }
        return pairs;
    }
}
