package kvlab.grader.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import kvlab.grader.course.Part;

/**
 * What to grade and how.
 *
 * @param parts the parts, in course order
 * @param reference grade the reference solutions instead of the skeleton
 * @param submission grade this student checkout's editable files in a pristine course copy
 * @param seed the first seed, or fresh seeds when empty
 * @param seeds how many seeds every test must pass under
 * @param timeout the wall-clock budget of a test class in one fork
 * @param partBudget the wall-clock budget of one part's tests, every seed included
 * @param runBudget the wall-clock budget of the whole run, builds included
 * @param checkDeterminism run every test twice under the first seed; a test whose runs differ fails
 * @param gate stop after the first part, in course order, that is short of full marks
 * @param checkCode check the graded code against its rules before it runs ({@link Planner}); false only
 *     in the grader's own tests of the sandbox that holds code that breaks them
 * @param out where the reports go, hidden from the code under test like the course; empty: no reports
 * @param exportDir where forks export the trace of every failing simulated test, for the HTML report
 *     ({@link kvlab.grader.engine.Evidence}); empty: no export
 */
public record GradeOptions(List<Part> parts, boolean reference, Optional<Path> submission, OptionalLong seed,
                           int seeds, Duration timeout, Duration partBudget, Duration runBudget,
                           boolean checkDeterminism, boolean gate, boolean checkCode, Optional<Path> out,
                           Optional<Path> exportDir) {
    public GradeOptions {
        parts = List.copyOf(parts);
        if (reference && submission.isPresent()) {
            throw new IllegalArgumentException("--reference and --submission are mutually exclusive");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1: " + seeds);
        }
    }
}
