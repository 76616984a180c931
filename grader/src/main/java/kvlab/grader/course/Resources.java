package kvlab.grader.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Text files the grader carries for what it writes: the handout's extras, the Gradescope scripts. */
final class Resources {
    private Resources() {
    }

    /** The resource {@code kvlab/grader/NAME} as text. */
    static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream("/kvlab/grader/" + name)) {
            if (in == null) {
                throw new IllegalStateException("grader resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its lines, without blank lines and {@code #} comments. */
    static List<String> lines(String name) {
        return text(name).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
