package kvlab.txn.mvcc;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** How keys and values appear in messages: readable when they are printable ASCII, hex otherwise. */
public final class Bytes {
    private Bytes() {}

    /**
     * {@code "abc"} (quoted) when every byte is printable ASCII, else {@code 0x} and lower-case hex
     * ({@code 0x00ff}); the empty array is {@code ""}.
     */
    public static String show(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return "0x" + HexFormat.of().formatHex(bytes);
            }
        }
        return '"' + new String(bytes, StandardCharsets.US_ASCII) + '"';
    }
}
