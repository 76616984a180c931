package kvlab.grader.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a fork's raw stdout and stderr on a thread of its own and keeps only the last bytes: where
 * the JVM reports running out of memory or crashing. A fork that floods its output costs the
 * grader neither memory nor disk.
 */
final class OutputTail implements Runnable {
    /** Room for a thread dump (see {@link Fork#timeOut}) after whatever the fork printed before. */
    private static final int KEEP = 64 * 1024;
    /** How long to wait for the last bytes after the fork exited (a grandchild may hold the pipe). */
    private static final long DRAIN_MILLIS = 2000;

    private final InputStream in;
    private final Thread thread;
    private final byte[] ring = new byte[KEEP];
    private long total;

    private OutputTail(InputStream in, String name) {
        this.in = in;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    /** Starts draining {@code in} on a daemon thread. */
    static OutputTail drain(InputStream in, String name) {
        OutputTail tail = new OutputTail(in, name);
        tail.thread.start();
        return tail;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // The fork's pipe closed under us (it was killed): what we kept is all there is.
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            ring[(int) ((total + i) % KEEP)] = buffer[i];
        }
        total += n;
    }

    /** Waits, briefly, until everything the exited fork wrote has been read. */
    void awaitEnd() {
        try {
            thread.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last bytes written so far, as text, with a note when earlier output was dropped. */
    synchronized String text() {
        int kept = (int) Math.min(total, KEEP);
        byte[] last = new byte[kept];
        for (int i = 0; i < kept; i++) {
            last[i] = ring[(int) ((total - kept + i) % KEEP)];
        }
        String text = new String(last, StandardCharsets.UTF_8);
        return total > KEEP ? "[" + (total - KEEP) + " earlier bytes dropped]\n" + text : text;
    }
}
