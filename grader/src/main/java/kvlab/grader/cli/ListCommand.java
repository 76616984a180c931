package kvlab.grader.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import kvlab.grader.Console;
import kvlab.grader.course.CourseTree;
import kvlab.grader.engine.GradedTest;
import kvlab.grader.grading.PartPlan;
import kvlab.grader.grading.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kvlab list}: the parts and their graded tests with points, in run order. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the graded tests of the given parts (all when none) with their points.",
                "Tests are listed in the order they run. The modules are built first: tests are discovered "
                + "from compiled classes."})
public final class ListCommand implements Callable<Integer> {
    /** Discovery only loads classes: a minute is plenty, even on a busy machine. */
    private static final Duration DISCOVERY_LIMIT = Duration.ofSeconds(60);

    private final CourseTree course;
    private final Console console;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PART", arity = "0..*", description = "Part ids: 1 2a 2b 2c 3a 3b 3c 4a 4b 4c.")
    private List<String> parts;

    public ListCommand(CourseTree course, Console console) {
        this.course = course;
        this.console = console;
    }

    @Override
    public Integer call() {
        PrintWriter out = console.out();
        int tests = 0;
        int points = 0;
        boolean broken = false;
        // Listing runs no test, and discovery initialises no class: code that breaks its rules can still be listed.
        for (PartPlan plan : Planner.plan(course, Parts.parse(parts, spec.commandLine()), false, DISCOVERY_LIMIT, false,
                console)) {
            String title = "Part " + plan.part().id() + " (" + plan.part().module() + ")";
            if (plan instanceof PartPlan.Broken b) {
                out.println(title + ": cannot list: " + b.error().lines().findFirst().orElse(""));
                broken = true;
                continue;
            }
            List<GradedTest> graded = ((PartPlan.Ready) plan).tests();
            int partPoints = graded.stream().mapToInt(GradedTest::points).sum();
            out.println(title + ": " + (graded.isEmpty() ? "no graded tests yet"
                    : graded.size() + " tests, " + partPoints + " points"));
            graded.forEach(t -> out.printf("  %3d  %s%n", t.points(), t.label()));
            tests += graded.size();
            points += partPoints;
        }
        out.println("Total: " + tests + " tests, " + points + " points");
        return broken ? 1 : 0;
    }
}
