package kvlab.grader.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.Part;
import kvlab.grader.drift.DriftCheck;
import kvlab.grader.engine.GradedTest;
import kvlab.grader.grading.SourceDiscovery;

/**
 * Keeps the course triangle true (skeleton, reference, graded tests) and the READMEs with it, from
 * the sources alone, nothing built: the skeleton's and the reference's public API match
 * ({@link DriftCheck}); every TODO names its part and a graded test that exists, every graded part
 * has one, every stub has its TODO ({@link TodoMarkers}); provided regions of student files are the
 * same in both ({@link ProvidedRegions}); each project README lists exactly its student files
 * ({@link StudentSurface}); the READMEs' tables of tests and points are what the tests say
 * ({@link ReadmeTables}). {@code kvlab check --course} runs it; so does the grader's own suite.
 */
public final class CourseCheck {
    private CourseCheck() {
    }

    /**
     * Every problem of the instructors' repository at {@code tree}, in a stable order.
     *
     * @throws IllegalArgumentException if {@code tree} has no reference solutions to check against
     */
    public static List<Problem> check(CourseTree tree) {
        if (!tree.hasSolutions()) {
            throw new IllegalArgumentException(tree.root() + " has no " + CourseTree.SOLUTIONS
                    + "/: the course check needs the instructors' repository");
        }
        List<GradedTest> graded = Arrays.stream(Part.values()).map(Part::module).distinct()
                .flatMap(module -> SourceDiscovery.discover(tree, module).stream()).toList();
        List<Problem> problems = new ArrayList<>();
        DriftCheck.check(tree.root()).forEach(p -> problems.add(asProblem(p)));
        problems.addAll(TodoMarkers.check(tree, graded));
        problems.addAll(ProvidedRegions.check(tree));
        problems.addAll(StudentSurface.check(tree));
        problems.addAll(ReadmeTables.check(tree, graded));
        return List.copyOf(problems);
    }

    /** The drift check's "path: message" as a problem of that file. */
    private static Problem asProblem(String drift) {
        int colon = drift.indexOf(": ");
        return colon < 0 ? new Problem(".", 0, drift) : new Problem(drift.substring(0, colon), 0, drift.substring(colon + 2));
    }
}
