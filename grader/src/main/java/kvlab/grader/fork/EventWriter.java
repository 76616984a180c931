package kvlab.grader.fork;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.crypto.Mac;

/**
 * Appends authenticated {@link Protocol} lines to the events file, each written and flushed at once
 * so that the grader sees it even if the JVM dies right after. Thread-safe: the shutdown hook writes
 * too.
 *
 * <p>After the last event ({@code done}, {@code exit} or {@code fatal}) it writes nothing more: a
 * test thread still running while {@code System.exit} runs the hooks must not add a line the grader
 * would rightly reject as surplus.
 */
final class EventWriter implements AutoCloseable {
    private final FileOutputStream out;
    /** Keyed with the fork's secret; the key bytes themselves were wiped after keying it. */
    private final Mac mac;
    /** The sequence number of the next line: lines written so far. */
    private long sequence;
    private boolean finished;

    /** Takes ownership of {@code secret} and wipes it. */
    EventWriter(Path file, byte[] secret) throws IOException {
        this.mac = Protocol.newMac(secret);
        Protocol.wipe(secret);
        this.out = new FileOutputStream(file.toFile(), true);
    }

    synchronized void write(String... fields) {
        if (finished) {
            return;
        }
        try {
            out.write((Protocol.signedLine(mac, sequence, fields) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            sequence++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code done}, the last event. */
    synchronized void done() {
        writeLast(Protocol.DONE);
    }

    /** From the shutdown hook: an exit before {@code done} is the test's doing. */
    synchronized void markExit() {
        writeLast(Protocol.EXIT);
    }

    /** Names a throwable that escaped the test runner, the last event before the fork halts. */
    synchronized void fatal(Throwable thrown) {
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        writeLast(Protocol.FATAL, thrown.getClass().getName(), Protocol.text(message));
    }

    private void writeLast(String... fields) {
        write(fields);
        finished = true;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
