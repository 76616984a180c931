package kvlab.txn;

import static kvlab.harness.engine.ColumnFamilies.DEFAULT;
import static kvlab.harness.engine.ColumnFamilies.LOCK;
import static kvlab.harness.engine.ColumnFamilies.WRITE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.Modification;
import kvlab.harness.engine.WriteBatch;
import kvlab.txn.mvcc.Bytes;
import kvlab.txn.mvcc.KeyCodec;
import kvlab.txn.mvcc.Lock;
import kvlab.txn.mvcc.Write;
import kvlab.txn.mvcc.WriteKind;

/**
 * Hand-made contents of the three MVCC families, and readable dumps of them, for command-level tests
 * in the style of TinyKV's: a test seeds the families, runs one operation, and compares the families
 * entry by entry. Entries read like {@code write "k"@110 -> PUT@100}, so a failure names the keys and
 * timestamps. Keys of {@code default} and {@code write} go through {@link KeyCodec}, whose exact bytes
 * {@code KeyCodecTest} checks on its own.
 */
public final class MvccData {
    private final Engine storage;

    public MvccData(Engine storage) {
        this.storage = storage;
    }

    /** The UTF-8 bytes of {@code s} ({@code "\0"} is the byte 0x00). */
    public static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Stores a lock on {@code key}. */
    public MvccData lock(String key, String primary, long startTs, long ttl, WriteKind kind) {
        storage.write(WriteBatch.builder().put(LOCK, b(key), new Lock(b(primary), startTs, ttl, kind).toBytes()).build());
        return this;
    }

    /** Stores {@code value} for {@code key} at {@code startTs} in {@code default}. */
    public MvccData value(String key, long startTs, String value) {
        storage.write(WriteBatch.builder().put(DEFAULT, KeyCodec.encode(b(key), startTs), b(value)).build());
        return this;
    }

    /** Stores a write record of {@code key} at {@code commitTs}. */
    public MvccData write(String key, long commitTs, long startTs, WriteKind kind) {
        storage.write(WriteBatch.builder()
                .put(WRITE, KeyCodec.encode(b(key), commitTs), new Write(startTs, kind).toBytes()).build());
        return this;
    }

    /** A committed put: the value at {@code startTs} and its write record at {@code commitTs}. */
    public MvccData committed(String key, long startTs, long commitTs, String value) {
        return value(key, startTs, value).write(key, commitTs, startTs, WriteKind.PUT);
    }

    /** The {@code lock} family, one entry per key, in key order. */
    public List<String> locks() {
        return dump(LOCK);
    }

    /** The {@code default} family. */
    public List<String> values() {
        return dump(DEFAULT);
    }

    /** The {@code write} family. */
    public List<String> writes() {
        return dump(WRITE);
    }

    /** All three families, {@code lock} then {@code default} then {@code write}. */
    public List<String> all() {
        List<String> all = new ArrayList<>(locks());
        all.addAll(values());
        all.addAll(writes());
        return all;
    }

    public static String lockEntry(String key, String primary, long startTs, long ttl, WriteKind kind) {
        return entry(LOCK, b(key), new Lock(b(primary), startTs, ttl, kind).toBytes());
    }

    public static String valueEntry(String key, long startTs, String value) {
        return entry(DEFAULT, KeyCodec.encode(b(key), startTs), b(value));
    }

    public static String writeEntry(String key, long commitTs, long startTs, WriteKind kind) {
        return entry(WRITE, KeyCodec.encode(b(key), commitTs), new Write(startTs, kind).toBytes());
    }

    /** A modification of a batch, in the form of the dumps ({@code delete} for deletes). */
    public static String describe(Modification m) {
        if (m instanceof Modification.Put put) {
            return entry(put.cf(), put.key(), put.value());
        }
        return "delete " + m.cf() + " " + key(m.cf(), m.key());
    }

    private List<String> dump(String cf) {
        List<String> entries = new ArrayList<>();
        try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(cf)) {
            for (it.seek(new byte[0]); it.valid(); it.next()) {
                entries.add(entry(cf, it.key(), it.value()));
            }
        }
        return entries;
    }

    private static String entry(String cf, byte[] key, byte[] value) {
        String shown = switch (cf) {
            case LOCK -> " -> " + Lock.parse(value);
            case WRITE -> " -> " + Write.parse(value);
            default -> " = " + Bytes.show(value);
        };
        return cf + " " + key(cf, key) + shown;
    }

    private static String key(String cf, byte[] key) {
        if (cf.equals(LOCK)) {
            return Bytes.show(key);
        }
        return Bytes.show(KeyCodec.decodeUserKey(key)) + "@" + KeyCodec.decodeTimestamp(key);
    }
}
