package kvlab.grader.grading;

import java.util.List;
import kvlab.grader.course.Part;
import kvlab.grader.engine.ForkSpec;
import kvlab.grader.engine.GradedTest;

/** What grading a part will do: run its tests, or report why it cannot. */
public sealed interface PartPlan permits PartPlan.Ready, PartPlan.Broken {
    Part part();

    /**
     * The part's module built and its graded tests discovered.
     *
     * @param tests in run order; empty when the part has no graded tests yet
     */
    record Ready(Part part, ForkSpec spec, List<GradedTest> tests) implements PartPlan {
        public Ready {
            tests = List.copyOf(tests);
        }
    }

    /**
     * The part cannot run: its module did not build, its code breaks the rules graded code must
     * follow, or its graded tests are invalid.
     *
     * @param tests the tests it would have run, as far as they are known (from their sources when the
     *     code does not compile), so that the part still shows its full score
     */
    record Broken(Part part, String error, List<GradedTest> tests) implements PartPlan {
        public Broken {
            tests = List.copyOf(tests);
        }
    }
}
