package kvlab.grader.fork;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Collects the outcome of one selected test. A failure of its class container (static initialiser,
 * {@code @BeforeAll}, {@code @AfterAll}) fails the test too: the test did not pass on its own.
 */
final class OutcomeListener implements TestExecutionListener {
    private static final int MAX_TRACE_LINES = 40;

    private TestExecutionResult test;
    private TestExecutionResult container;
    private String skipped;

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            test = result;
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && container == null) {
            container = result;
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (skipped == null) {
            skipped = reason;
        }
    }

    String status() {
        boolean passed = test != null && test.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                && container == null;
        return passed ? Protocol.PASSED : Protocol.FAILED;
    }

    String message() {
        if (test != null && test.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            String prefix = test.getStatus() == TestExecutionResult.Status.ABORTED ? "aborted: " : "";
            return prefix + describe(test.getThrowable());
        }
        if (container != null) {
            return "test class failed: " + describe(container.getThrowable());
        }
        if (test == null) {
            return skipped != null ? "skipped: " + skipped : "test was not found or did not run";
        }
        return "";
    }

    String details() {
        TestExecutionResult failed = test != null && test.getThrowable().isPresent() ? test : container;
        return failed == null ? "" : failed.getThrowable().map(OutcomeListener::trace).orElse("");
    }

    private static String describe(Optional<Throwable> thrown) {
        if (thrown.isEmpty()) {
            return "failed without an exception";
        }
        Throwable t = thrown.get();
        if (t instanceof ExceptionInInitializerError && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof AssertionError && t.getMessage() != null) {
            return t.getMessage();
        }
        if (t instanceof StackOverflowError && t.getStackTrace().length > 0) {
            // Its own trace is thousands of identical frames: the top one names the recursion.
            return "stack overflow (unbounded recursion?) at " + t.getStackTrace()[0];
        }
        return t.toString();
    }

    /** The stack trace without the test framework's and reflection's frames, bounded. */
    private static String trace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString().lines()
                .filter(line -> !line.startsWith("\tat org.junit.")
                        && !line.startsWith("\tat java.base/jdk.internal.reflect.")
                        && !line.startsWith("\tat java.base/java.lang.reflect."))
                .limit(MAX_TRACE_LINES)
                .collect(Collectors.joining("\n"));
    }
}
