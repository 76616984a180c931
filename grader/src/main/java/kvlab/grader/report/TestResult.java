package kvlab.grader.report;

import kvlab.grader.engine.GradedTest;
import kvlab.grader.engine.TestOutcome;

/**
 * A graded test's result over all the seeds it ran under: it scores only if it passed under each.
 *
 * @param outcome the first failing run, or the last passing one
 * @param seed the seed of {@link #outcome}
 * @param seedRuns how many seeds the test ran under
 * @param replay the command that reruns {@link #outcome}'s run
 */
public record TestResult(TestOutcome outcome, long seed, int seedRuns, String replay) {
    public GradedTest test() {
        return outcome.test();
    }

    public boolean passed() {
        return outcome.passed();
    }

    public int earned() {
        return passed() ? test().points() : 0;
    }
}
