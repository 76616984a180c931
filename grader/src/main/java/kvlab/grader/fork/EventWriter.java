package kvlab.grader.fork;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Appends {@link Protocol} lines to the events file, each written and flushed at once so that the
 * grader sees it even if the JVM dies right after. Thread-safe: the shutdown hook writes too.
 */
final class EventWriter implements AutoCloseable {
    private final FileOutputStream out;
    private boolean done;

    EventWriter(Path file) throws IOException {
        this.out = new FileOutputStream(file.toFile(), true);
    }

    synchronized void write(String... fields) {
        try {
            out.write((Protocol.line(fields) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code done}; after it, {@link #markExit} writes nothing. */
    synchronized void done() {
        write(Protocol.DONE);
        done = true;
    }

    /** From the shutdown hook: an exit before {@code done} is the test's doing. */
    synchronized void markExit() {
        if (!done) {
            write(Protocol.EXIT);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
