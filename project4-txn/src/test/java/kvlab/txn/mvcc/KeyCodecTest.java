package kvlab.txn.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import kvlab.harness.grading.Graded;

/** Project 4A: {@link KeyCodec}, against the bytes its Javadoc specifies and the order it promises. */
class KeyCodecTest {
    /** A user key and a timestamp, shown the way failure messages need them. */
    private record Versioned(byte[] key, long ts) {
        @Override
        public String toString() {
            return Bytes.show(key) + "@" + ts;
        }
    }

    private static final Comparator<Versioned> KEY_THEN_NEWEST_FIRST =
            Comparator.<Versioned, byte[]>comparing(Versioned::key, Arrays::compareUnsigned)
                    .thenComparing(Versioned::ts, Comparator.reverseOrder());

    @Graded(part = "4a", points = 2, order = 0)
    void encodesTheDocumentedBytes() {
        assertEncoding("", 0, "0000000000000000f7" + "ffffffffffffffff");
        assertEncoding("ab", 1, "6162000000000000f9" + "fffffffffffffffe");
        assertEncoding("abcdefgh", 5, "6162636465666768ff" + "0000000000000000f7" + "fffffffffffffffa");
        assertEncoding("abcdefghi", Long.MAX_VALUE, "6162636465666768ff" + "6900000000000000f8" + "8000000000000000");
        assertThat(hex(KeyCodec.encode(new byte[] {0, (byte) 0xff}, 256)))
                .as("encode(0x00ff, 256)").isEqualTo("00ff000000000000f9" + "fffffffffffffeff");
    }

    @Graded(part = "4a", points = 2, order = 1)
    void ordersByKeyThenNewestTimestampFirst() {
        List<Versioned> versions = sampleVersions();
        List<Versioned> expected = new ArrayList<>(versions);
        expected.sort(KEY_THEN_NEWEST_FIRST);
        List<Versioned> byEncoding = new ArrayList<>(versions);
        byEncoding.sort(Comparator.comparing(v -> KeyCodec.encode(v.key(), v.ts()), Arrays::compareUnsigned));
        for (int i = 0; i < expected.size(); i++) {
            assertThat(byEncoding.get(i).toString())
                    .as("position %d when sorting encoded keys as unsigned bytes (expected key ascending, then "
                            + "timestamp descending); neighbours expected: %s", i,
                            expected.subList(Math.max(0, i - 1), Math.min(expected.size(), i + 2)))
                    .isEqualTo(expected.get(i).toString());
        }
    }

    @Graded(part = "4a", points = 1, order = 1)
    void decodesWhatItEncodes() {
        for (Versioned v : sampleVersions()) {
            byte[] encoded = KeyCodec.encode(v.key(), v.ts());
            assertThat(hex(KeyCodec.decodeUserKey(encoded))).as("user key decoded from encode(%s)", v)
                    .isEqualTo(hex(v.key()));
            assertThat(KeyCodec.decodeTimestamp(encoded)).as("timestamp decoded from encode(%s)", v)
                    .isEqualTo(v.ts());
        }
    }

    @Graded(part = "4a", points = 1, order = 2)
    void rejectsMalformedKeys() {
        assertThatThrownBy(() -> KeyCodec.encode(new byte[] {1}, -1)).as("encode with a negative timestamp")
                .isInstanceOf(IllegalArgumentException.class);
        String ts = "fffffffffffffffe";
        for (String bad : List.of("", ts, "6162000000000000f9" + ts.substring(2), "00" + "6162000000000000f9" + ts,
                "6162000000000000ff" + ts, "6162000000000000f6" + ts, "6162000000000001f9" + ts,
                "6162000000000000f9" + "6162000000000000f9" + ts)) {
            assertThatThrownBy(() -> KeyCodec.decodeUserKey(HexFormat.of().parseHex(bad)))
                    .as("decodeUserKey(%s)", bad).isInstanceOf(IllegalArgumentException.class);
        }
        for (String badLength : List.of("", ts, "6162000000000000f9" + ts.substring(2))) {
            assertThatThrownBy(() -> KeyCodec.decodeTimestamp(HexFormat.of().parseHex(badLength)))
                    .as("decodeTimestamp(%s)", badLength).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void assertEncoding(String key, long ts, String expectedHex) {
        assertThat(hex(KeyCodec.encode(kvlab.txn.MvccData.b(key), ts))).as("encode(\"%s\", %d)", key, ts)
                .isEqualTo(expectedHex);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Keys over the bytes where orders go wrong (0x00, 0x7f/0x80, 0xff), lengths around the group size,
     * each a prefix of others, at timestamps including 0 and the largest.
     */
    private static List<Versioned> sampleVersions() {
        Random random = new Random(4_2024);
        byte[] alphabet = {0x00, 0x01, 0x61, 0x7f, (byte) 0x80, (byte) 0xf7, (byte) 0xff};
        long[] timestamps = {0, 1, 2, 255, 256, 1L << 40, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        List<Versioned> versions = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            byte[] key = new byte[random.nextInt(19)];
            for (int i = 0; i < key.length; i++) {
                key[i] = alphabet[random.nextInt(alphabet.length)];
            }
            for (int cut = 0; cut <= key.length; cut += 1 + random.nextInt(8)) {
                byte[] prefix = Arrays.copyOf(key, cut);
                versions.add(new Versioned(prefix, timestamps[random.nextInt(timestamps.length)]));
                versions.add(new Versioned(prefix, random.nextLong() & Long.MAX_VALUE));
            }
        }
        return versions;
    }
}
