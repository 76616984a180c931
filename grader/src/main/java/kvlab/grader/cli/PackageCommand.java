package kvlab.grader.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kvlab.grader.Console;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.GradescopePackage;
import kvlab.grader.course.Part;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kvlab package gradescope}: the autograder zip for Gradescope. */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = {"Writes an autograder for a grading service; the one target is gradescope.",
                "The Gradescope zip holds setup.sh (installs JDK 17 and Maven), run_autograder (grades "
                + "/autograder/submission into /autograder/results) and course/: the handout plus the hidden "
                + "tests, no solutions. Course repository only."})
public final class PackageCommand implements Callable<Integer> {
    private static final String GRADESCOPE = "gradescope";

    private final CourseTree course;
    private final Console console;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", description = "What to package for: " + GRADESCOPE + ".")
    private String target;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "PART",
            description = "The parts the autograder grades (all when none): 1 2a 2b 2c 3a 3b 3c 4a 4b 4c.")
    private List<String> parts;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The zip to write (replaced if it exists).")
    private Path out;

    public PackageCommand(CourseTree course, Console console) {
        this.course = course;
        this.console = console;
    }

    @Override
    public Integer call() {
        if (!target.equals(GRADESCOPE)) {
            throw new ParameterException(spec.commandLine(), "unknown package target '" + target + "'; valid: " + GRADESCOPE);
        }
        Commands.checkCourseRepository(course, spec);
        List<String> ids = parts == null || parts.isEmpty() ? List.of()
                : Parts.parse(parts, spec.commandLine()).stream().map(Part::id).toList();
        GradescopePackage.Summary summary = GradescopePackage.write(course, ids, out);
        console.out().println("Gradescope autograder written to " + out.toAbsolutePath() + ": grades "
                + (ids.isEmpty() ? "every part" : "part(s) " + String.join(" ", ids)) + "; " + summary.courseFiles()
                + " course files, " + summary.hiddenTests() + " of them hidden tests");
        return 0;
    }
}
