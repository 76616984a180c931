package kvlab.grader.fork;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point of a forked JVM, where student code runs. The grader starts it as
 * <pre>
 *   java ... ForkMain discover EVENTS TEST_CLASSES_DIR [PACKAGE]
 *   java ... ForkMain run      EVENTS TESTS_FILE
 * </pre>
 * and reads what it did from the EVENTS file ({@link Protocol}). A fork exits 0 after writing
 * {@code done}; any other end is the work of the code under test (or of the grader killing it).
 */
public final class ForkMain {
    private ForkMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ForkMain discover|run EVENTS ARG [PACKAGE]");
        }
        EventWriter events = new EventWriter(Path.of(args[1]));
        // Runs on System.exit (not on the grader's SIGKILL, not on -XX:+ExitOnOutOfMemoryError).
        Runtime.getRuntime().addShutdownHook(new Thread(events::markExit, "kvlab-exit-marker"));
        switch (args[0]) {
            case "discover" -> ForkDiscovery.discover(Path.of(args[2]), args.length > 3 ? args[3] : "", events);
            case "run" -> ForkExecution.run(Path.of(args[2]), events);
            default -> throw new IllegalArgumentException("unknown fork mode: " + args[0]);
        }
        events.done();
        // Exit explicitly: a test may have left non-daemon threads running.
        System.exit(0);
    }
}
