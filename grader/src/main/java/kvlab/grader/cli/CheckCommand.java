package kvlab.grader.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kvlab.grader.Console;
import kvlab.grader.check.CourseCheck;
import kvlab.grader.check.Problem;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kvlab check}: which protected files of a student checkout differ from the handout; with
 * {@code --course}, whether the instructors' repository is consistent ({@link CourseCheck}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Lists the protected files a student checkout changed or lost.",
                "Compares them with the checksums in .kvlab/manifest.json, written by `kvlab handout`. "
                + "Grading ignores changes to protected files.",
                "With --course (the instructors' repository): checks that skeleton and reference match, that "
                + "every TODO names its part and a graded test that exists, that provided regions of student "
                + "files are the same in both, that each project README lists exactly its student files, and that "
                + "the READMEs' tables of tests and points agree with `kvlab list`; each problem is named with its "
                + "file and line.",
                "Exit code: 0 when there are none, 1 when there are, 2 on a usage error."})
public final class CheckCommand implements Callable<Integer> {
    private final CourseTree course;
    private final Console console;

    @Spec
    private CommandSpec spec;

    @Option(names = "--course", description = "Check the course repository itself (see above).")
    private boolean courseCheck;

    public CheckCommand(CourseTree course, Console console) {
        this.course = course;
        this.console = console;
    }

    @Override
    public Integer call() {
        if (courseCheck) {
            return checkCourse();
        }
        if (!course.hasManifest()) {
            console.out().println(course.root() + " has no " + CourseTree.MANIFEST + ": this is not a student "
                    + "checkout" + (course.hasSolutions() ? " but the course repository" : "") + "; nothing to check");
            return 0;
        }
        Manifest manifest = Manifest.read(course.resolve(CourseTree.MANIFEST));
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> file : manifest.protectedFiles().entrySet()) {
            Path path = course.resolve(file.getKey());
            if (!Files.isRegularFile(path)) {
                missing.add(file.getKey());
            } else if (!Manifest.sha256(path).equals(file.getValue())) {
                changed.add(file.getKey());
            }
        }
        if (changed.isEmpty() && missing.isEmpty()) {
            console.out().println("clean: all " + manifest.protectedFiles().size() + " protected files match the handout");
            return 0;
        }
        changed.forEach(f -> console.out().println("changed: " + f));
        missing.forEach(f -> console.out().println("missing: " + f));
        console.out().println((changed.size() + missing.size()) + " protected files differ from the handout; "
                + "grading takes only the student-editable files, so these changes will be ignored");
        return 1;
    }

    private int checkCourse() {
        if (!course.hasSolutions()) {
            throw new ParameterException(spec.commandLine(), "--course needs the course repository: " + course.root()
                    + " has no " + CourseTree.SOLUTIONS + "/");
        }
        List<Problem> problems = CourseCheck.check(course);
        if (problems.isEmpty()) {
            console.out().println("course consistent: skeleton and reference, TODO markers, provided regions,"
                    + " student files and README tables agree");
            return 0;
        }
        problems.forEach(p -> console.out().println(p));
        console.out().println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the course");
        return 1;
    }
}
