package kvlab.raft;

import java.nio.charset.StandardCharsets;

/** Readable text for byte payloads, so that traces print contents instead of array identities. */
final class Bytes {
    private static final int MAX_SHOWN = 32;

    private Bytes() {}

    /**
     * {@code "text"} when every byte is printable ASCII, else {@code 0x0a1b...}; longer payloads are cut
     * after {@value #MAX_SHOWN} bytes with their length appended.
     */
    static String show(byte[] data) {
        int shown = Math.min(data.length, MAX_SHOWN);
        String suffix = data.length > shown ? "...(" + data.length + " bytes)" : "";
        if (isPrintable(data, shown)) {
            return '"' + new String(data, 0, shown, StandardCharsets.US_ASCII) + '"' + suffix;
        }
        StringBuilder hex = new StringBuilder("0x");
        for (int i = 0; i < shown; i++) {
            hex.append(Character.forDigit((data[i] >> 4) & 0xf, 16)).append(Character.forDigit(data[i] & 0xf, 16));
        }
        return hex + suffix;
    }

    private static boolean isPrintable(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            if (data[i] < 0x20 || data[i] > 0x7e || data[i] == '"') {
                return false;
            }
        }
        return true;
    }
}
