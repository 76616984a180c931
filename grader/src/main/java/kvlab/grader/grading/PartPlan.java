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

    /** The part's module did not build, or its graded tests are invalid. */
    record Broken(Part part, String error) implements PartPlan {
    }
}
