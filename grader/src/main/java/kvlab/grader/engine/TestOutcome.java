package kvlab.grader.engine;

/**
 * How one run of one graded test ended.
 *
 * @param test the test
 * @param status how it ended
 * @param message one-line-ish reason for a failure, empty when it passed
 * @param details stack trace or diagnostics behind the message, possibly empty
 * @param output what the test printed, bounded, possibly with a truncation note
 * @param wallMillis wall-clock time it took
 * @param seeded whether the test read the seed, so that another seed might change its result
 *     (true when unknown, as when its JVM died)
 */
public record TestOutcome(GradedTest test, Status status, String message, String details,
                          String output, long wallMillis, boolean seeded) {
    /** How a test run ended. */
    public enum Status {
        /** The test passed. */
        PASSED,
        /** The test failed or threw. */
        FAILED,
        /** The test took its JVM down with it (exit, out of memory, crash) or was killed. */
        ERRORED,
        /** The test was not run: grading stopped before its part ({@code --gate}). */
        NOT_RUN;
    }

    /** An outcome for a test that grading did not run, for {@code reason}. */
    public static TestOutcome notRun(GradedTest test, String reason) {
        return new TestOutcome(test, Status.NOT_RUN, reason, "", "", 0, false);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
