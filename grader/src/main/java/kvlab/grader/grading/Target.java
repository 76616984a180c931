package kvlab.grader.grading;

import java.util.List;
import kvlab.grader.engine.ForkSpec;
import kvlab.grader.engine.GradedTest;

/**
 * Graded tests that {@code replay} or {@code stress} run, their module built.
 *
 * @param module the Maven module holding them
 * @param spec how to fork JVMs for them
 * @param tests the tests, in run order
 */
public record Target(String module, ForkSpec spec, List<GradedTest> tests) {
    public Target {
        tests = List.copyOf(tests);
    }
}
