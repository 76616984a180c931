package kvlab.grader.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the complete lines a fork has appended to its events file since the last call. */
final class EventTail implements AutoCloseable {
    private final InputStream in;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[64 * 1024];

    EventTail(Path file) throws IOException {
        this.in = Files.newInputStream(file);
    }

    /** New complete lines; a line still being written stays for the next call. */
    List<String> poll() {
        List<String> lines = new ArrayList<>();
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines.add(partial.toString(StandardCharsets.UTF_8));
                        partial.reset();
                    } else {
                        partial.write(buffer[i]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
