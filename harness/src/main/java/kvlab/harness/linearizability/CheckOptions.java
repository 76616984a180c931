package kvlab.harness.linearizability;

/**
 * Limits for {@link LinearizabilityChecker#check(History, CheckOptions)}.
 *
 * <p>The budget is a count of search steps, not wall-clock time, so that a check gives the same answer
 * on every machine and every run. A step looks at one event: it tries one operation, or backtracks.
 * Memory grows with the steps taken (at most one remembered search state, about 100 bytes, per step).
 *
 * @param maxStepsPerKey search steps allowed for each key before its result is UNKNOWN (positive)
 * @param reportOps how many operations an ILLEGAL report lists at most in each of its lists (positive)
 */
public record CheckOptions(long maxStepsPerKey, int reportOps) {

    public CheckOptions {
        if (maxStepsPerKey <= 0 || reportOps <= 0) {
            throw new IllegalArgumentException("budgets must be positive: maxStepsPerKey="
                    + maxStepsPerKey + ", reportOps=" + reportOps);
        }
    }

    /**
     * One million steps per key and 12 report lines. A 10,000-operation history on 5 keys by 10 clients
     * needs about 5,000 steps per key; one hot key hammered by 8 clients about 300,000.
     */
    public static CheckOptions defaults() {
        return new CheckOptions(1_000_000, 12);
    }

    /** These options with a different step budget per key. */
    public CheckOptions withMaxStepsPerKey(long steps) {
        return new CheckOptions(steps, reportOps);
    }

    /** These options with a different report length. */
    public CheckOptions withReportOps(int ops) {
        return new CheckOptions(maxStepsPerKey, ops);
    }
}
