package kvlab.harness.disk;

import java.util.Arrays;

/** The growable contents of one file, so that appending costs only the appended bytes. */
final class FileBytes {
    private byte[] data;
    private int length;

    private FileBytes(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    /** A file holding a private copy of the first {@code length} bytes of {@code bytes}. */
    static FileBytes copyOf(byte[] bytes, int length) {
        return new FileBytes(Arrays.copyOf(bytes, Math.max(length, 16)), length);
    }

    void append(byte[] bytes, int count) {
        if (length + count > data.length) {
            data = Arrays.copyOf(data, Math.max(length + count, data.length * 2));
        }
        System.arraycopy(bytes, 0, data, length, count);
        length += count;
    }

    byte[] toArray() {
        return Arrays.copyOf(data, length);
    }

    FileBytes copy() {
        return copyOf(data, length);
    }
}
