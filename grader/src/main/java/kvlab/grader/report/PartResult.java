package kvlab.grader.report;

import java.util.List;

/**
 * The results of one part.
 *
 * @param part the part id
 * @param module the module holding its tests
 * @param tests results in run order; empty when the part has no graded tests yet or could not run
 * @param setupError why the part's tests could not run (build or discovery failure), or empty
 */
public record PartResult(String part, String module, List<TestResult> tests, String setupError) {
    public PartResult {
        tests = List.copyOf(tests);
    }

    public int earned() {
        return tests.stream().mapToInt(TestResult::earned).sum();
    }

    public int possible() {
        return tests.stream().mapToInt(t -> t.test().points()).sum();
    }

    public boolean failedSetup() {
        return !setupError.isEmpty();
    }

    /** True when the part could run and every one of its tests passed (vacuously with none). */
    public boolean passed() {
        return !failedSetup() && tests.stream().allMatch(TestResult::passed);
    }
}
