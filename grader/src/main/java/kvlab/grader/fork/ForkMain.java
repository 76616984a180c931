package kvlab.grader.fork;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Entry point of a forked JVM, where student code runs. The grader starts it as
 * <pre>
 *   java ... ForkMain discover EVENTS TEST_CLASSES_DIR [PACKAGE]
 *   java ... ForkMain run      EVENTS TESTS_FILE
 * </pre>
 * with the channel's secret on stdin, and reads what it did from the EVENTS file ({@link Protocol}).
 * A fork exits 0 after writing {@code done}; any other end is the work of the code under test (or of
 * the grader killing it).
 */
public final class ForkMain {
    /** Exit status after a {@code fatal} event; the grader reads the event, not the status. */
    private static final int FATAL_STATUS = 70;

    private ForkMain() {
    }

    public static void main(String[] args) throws IOException {
        // The secret comes FIRST: no test class is loaded yet, so no student code has run.
        byte[] secret = readSecret(System.in);
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ForkMain discover|run EVENTS ARG [PACKAGE]");
        }
        EventWriter events = new EventWriter(Path.of(args[1]), secret);
        // Runs on System.exit (not on the grader's SIGKILL, not on -XX:+ExitOnOutOfMemoryError).
        Runtime.getRuntime().addShutdownHook(new Thread(events::markExit, "kvlab-exit-marker"));
        try {
            switch (args[0]) {
                case "discover" -> ForkDiscovery.discover(Path.of(args[2]), args.length > 3 ? args[3] : "", events);
                case "run" -> ForkExecution.run(Path.of(args[2]), events);
                default -> throw new IllegalArgumentException("unknown fork mode: " + args[0]);
            }
        } catch (Throwable thrown) {
            // Say an OutOfMemoryError for direct buffers, which JUnit rethrows: name it, then stop
            // without the shutdown hooks (their exit marker would blame System.exit).
            try {
                events.fatal(thrown);
            } finally {
                Runtime.getRuntime().halt(FATAL_STATUS);
            }
        }
        events.done();
        // Exit explicitly: a test may have left non-daemon threads running.
        System.exit(0);
    }

    /** Reads exactly the secret's bytes; the grader closes stdin after them. */
    private static byte[] readSecret(InputStream in) throws IOException {
        byte[] secret = in.readNBytes(Protocol.SECRET_BYTES);
        if (secret.length != Protocol.SECRET_BYTES) {
            throw new IOException("expected the " + Protocol.SECRET_BYTES + "-byte channel secret on stdin, read "
                    + secret.length + " bytes");
        }
        return secret;
    }
}
