package kvlab.harness.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Shorthands for tests of any {@link Engine} (the in-memory one here, Project 1's RocksDB one): they
 * use only the public engine API. In main code so that every module's tests share one copy.
 */
public final class EngineTestSupport {
    private EngineTestSupport() {}

    /** The UTF-8 bytes of {@code s}. */
    public static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code bytes} decoded as UTF-8. */
    public static String str(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The value of {@code key} in {@code cf}, read through a fresh reader that is closed again. */
    public static Optional<String> get(Engine engine, String cf, String key) {
        try (EngineReader reader = engine.reader()) {
            return reader.get(cf, b(key)).map(EngineTestSupport::str);
        }
    }

    /** Every entry of {@code cf} as "key=value" (UTF-8), through a fresh reader. */
    public static List<String> entries(Engine engine, String cf) {
        try (EngineReader reader = engine.reader()) {
            return entries(reader, cf);
        }
    }

    /** Every entry of {@code cf} in {@code reader}'s snapshot as "key=value" (UTF-8). */
    public static List<String> entries(EngineReader reader, String cf) {
        List<String> entries = new ArrayList<>();
        try (EngineIterator it = reader.iterator(cf)) {
            for (it.seek(new byte[0]); it.valid(); it.next()) {
                entries.add(str(it.key()) + "=" + str(it.value()));
            }
        }
        return entries;
    }

    /** Every key of {@code cf}, in iteration order, through a fresh reader. */
    public static List<byte[]> keys(Engine engine, String cf) {
        List<byte[]> keys = new ArrayList<>();
        try (EngineReader reader = engine.reader(); EngineIterator it = reader.iterator(cf)) {
            for (it.seek(new byte[0]); it.valid(); it.next()) {
                keys.add(it.key());
            }
        }
        return keys;
    }

    /** Keys as hex strings, for messages that show byte order. */
    public static List<String> hex(List<byte[]> keys) {
        return keys.stream().map(HexFormat.of()::formatHex).toList();
    }
}
