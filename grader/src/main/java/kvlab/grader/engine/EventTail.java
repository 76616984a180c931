package kvlab.grader.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the complete lines a fork has appended to its events file since the last call. The fork may
 * be hostile: a line longer than {@link #MAX_LINE} is never buffered whole, and reading stops at the
 * first line the caller rejects, so a flood costs the grader neither memory nor time.
 */
final class EventTail implements AutoCloseable {
    /** Far above any line the fork writes (its texts are bounded): only forged lines are longer. */
    static final int MAX_LINE = 4 * 1024 * 1024;

    private final InputStream in;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[64 * 1024];
    private String failure;
    private boolean stopped;

    EventTail(Path file) throws IOException {
        this.in = Files.newInputStream(file);
    }

    /**
     * Hands each new complete line to {@code accept}, in order, until it returns false; after that,
     * or after an overlong line, nothing more is read. A line still being written stays for the
     * next call.
     */
    void poll(Predicate<String> accept) {
        if (stopped) {
            return;
        }
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        partial.write(buffer[i]);
                        if (partial.size() > MAX_LINE) {
                            failure = "is longer than " + MAX_LINE / (1024 * 1024) + " MiB";
                            stopped = true;
                            return;
                        }
                    } else if (!accept.test(partial.toString(StandardCharsets.UTF_8))) {
                        stopped = true;
                        return;
                    } else {
                        partial.reset();
                    }
                }
            }
        } catch (IOException e) {
            // Only the fork could have done this to a file we hold open: as bad as a forged line.
            failure = "could not be read (" + e.getMessage() + ")";
            stopped = true;
        }
    }

    /**
     * Why reading stopped by itself, said of the next line ("is longer than 4 MiB"); empty while
     * reading goes on or after the caller rejected a line.
     */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
