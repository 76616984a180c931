package kvlab.grader.fork;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code limit} bytes written to it and counts the rest, so a test that prints
 * gigabytes costs the fork neither memory nor disk. Thread-safe: tests may print from any thread.
 */
final class BoundedCapture extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    BoundedCapture(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < limit) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, Math.min(len, limit - kept.size()));
        kept.write(b, off, room);
        dropped += len - room;
    }

    /** Returns what was captured since the last call, with a note if some was dropped, and resets. */
    synchronized String take() {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (dropped > 0) {
            text += "\n[output truncated: " + dropped + " bytes dropped]\n";
        }
        kept.reset();
        dropped = 0;
        return text;
    }
}
