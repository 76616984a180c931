package kvlab.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;

/** Shorthands the storage tests share; they use only the public {@link Engine} API. */
public final class StorageTestSupport {
    private StorageTestSupport() {}

    /** The UTF-8 bytes of {@code s}. */
    public static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code bytes} decoded as UTF-8. */
    public static String str(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The value of {@code key} in {@code cf}, read through a fresh reader that is closed again. */
    public static Optional<String> get(Engine storage, String cf, String key) {
        try (EngineReader reader = storage.reader()) {
            return reader.get(cf, b(key)).map(StorageTestSupport::str);
        }
    }

    /** Every entry of {@code cf} as "key=value" (UTF-8), through a fresh reader. */
    public static List<String> entries(Engine storage, String cf) {
        try (EngineReader reader = storage.reader()) {
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
    public static List<byte[]> keys(Engine storage, String cf) {
        List<byte[]> keys = new ArrayList<>();
        try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(cf)) {
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

    /** Asserts equal contents without printing megabytes when they differ. */
    public static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        assertThat(actual.length).as("%s: length", what).isEqualTo(expected.length);
        assertThat(Arrays.mismatch(actual, expected)).as("%s: index of the first differing byte", what).isEqualTo(-1);
    }
}
