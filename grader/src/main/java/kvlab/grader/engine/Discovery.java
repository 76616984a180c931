package kvlab.grader.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kvlab.grader.GradingException;
import kvlab.grader.fork.Protocol;

/**
 * Finds graded tests. Discovery loads test classes, whose static initialisers are student code,
 * so it runs in a fork like the tests themselves.
 */
public final class Discovery {
    private Discovery() {
    }

    /**
     * Returns the graded tests under {@code testClasses}, restricted to {@code packageName} unless
     * it is empty, sorted in {@link GradedTest#RUN_ORDER}.
     *
     * @param validParts the part ids a graded test may name
     * @throws GradingException if the fork fails, or a graded test names an unknown part, has
     *     non-positive points, or is tagged graded without {@code @Graded}
     */
    public static List<GradedTest> discover(ForkSpec spec, Path testClasses, String packageName,
                                            Set<String> validParts) {
        if (!Files.isDirectory(testClasses)) {
            return List.of();
        }
        List<GradedTest> tests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Fork fork = Fork.discover(spec, testClasses, packageName)) {
            long deadline = System.nanoTime() + spec.classTimeout().toNanos();
            while (fork.poll(event -> read(event, validParts, tests, problems))) {
                if (System.nanoTime() > deadline) {
                    fork.timeOut(spec.classTimeout());
                }
            }
            if (!fork.isDone()) {
                throw new GradingException("discovering graded tests in " + testClasses + " failed: "
                        + fork.deathCause() + "\n" + fork.rawOutput());
            }
        }
        if (!problems.isEmpty()) {
            throw new GradingException("invalid graded tests:\n  " + String.join("\n  ", problems));
        }
        tests.sort(GradedTest.RUN_ORDER);
        return List.copyOf(tests);
    }

    private static void read(String[] event, Set<String> validParts, List<GradedTest> tests,
                             List<String> problems) {
        if (event[0].equals(Protocol.UNGRADED)) {
            problems.add(event[1] + "#" + event[2] + ": tagged graded without @Graded (no part, no points)");
        } else if (event[0].equals(Protocol.TEST)) {
            GradedTest test = new GradedTest(event[1], event[2], event[3], Protocol.untext(event[4]),
                    Integer.parseInt(event[5]), Integer.parseInt(event[6]), false);
            String where = test.className() + "#" + test.methodName() + ": ";
            if (!validParts.contains(test.part())) {
                problems.add(where + "unknown part '" + test.part() + "' (valid: "
                        + String.join(" ", validParts) + ")");
            } else if (test.points() <= 0) {
                problems.add(where + "points must be positive, not " + test.points());
            } else {
                tests.add(test);
            }
        }
    }
}
