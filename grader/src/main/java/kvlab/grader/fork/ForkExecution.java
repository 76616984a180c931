package kvlab.grader.fork;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kvlab.harness.grading.KvlabProperties;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a list of tests one at a time, in the given order, reporting each as it starts and ends.
 *
 * <p>One launcher execution per test (rather than one for all) keeps the grader's order exactly
 * and puts class initialisation and {@code @BeforeAll} inside the test's own start/end bracket, so
 * a fork that dies there is blamed on the right test.
 */
final class ForkExecution {
    /** Per-test bound on captured stdout and stderr together. */
    static final int OUTPUT_LIMIT = 64 * 1024;
    /**
     * Bound on a failure's message and on its details, in characters: an assertion on two huge
     * strings must not make an event line the grader refuses as too long.
     */
    static final int MESSAGE_LIMIT = 256 * 1024;
    private ForkExecution() {
    }

    /** Runs the tests listed in {@code testsFile}: one {@code CLASS METHOD PARAMS} line each. */
    static void run(Path testsFile, EventWriter events) throws IOException {
        List<String> tests = Files.readAllLines(testsFile, StandardCharsets.UTF_8);
        BoundedCapture capture = new BoundedCapture(OUTPUT_LIMIT);
        PrintStream captured = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        Launcher launcher = LauncherFactory.create();
        SeedWatch seed = SeedWatch.install(KvlabProperties.SEED);
        for (int i = 0; i < tests.size(); i++) {
            String[] test = Protocol.fields(tests.get(i));
            events.write(Protocol.START, Integer.toString(i));
            long started = System.nanoTime();
            seed.takeRead();
            OutcomeListener outcome = new OutcomeListener();
            launcher.execute(request(test[0], test[1], test[2]), outcome);
            long millis = (System.nanoTime() - started) / 1_000_000;
            events.write(Protocol.END, Integer.toString(i), outcome.status(), Long.toString(millis),
                    Protocol.text(bounded(outcome.message())), Protocol.text(bounded(outcome.details())),
                    Protocol.text(capture.take()), seed.takeRead() ? Protocol.SEED_READ : Protocol.SEED_UNREAD);
        }
    }

    private static String bounded(String text) {
        return text.length() <= MESSAGE_LIMIT ? text
                : text.substring(0, MESSAGE_LIMIT) + "\n[" + (text.length() - MESSAGE_LIMIT) + " characters dropped]";
    }

    private static LauncherDiscoveryRequest request(String className, String method, String params) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(className, method, params))
                .build();
    }
}
