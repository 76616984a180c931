package kvlab.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kvlab.grader.Console;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.Handout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kvlab handout}: writes the student repository. */
@Command(name = "handout", mixinStandardHelpOptions = true,
        description = {"Writes the student repository into a new or empty directory.",
                "It holds the course without solutions-private/, build output, instructor CI (.ci/) and the "
                + "grader's own tests; it gets the students' README and .kvlab/manifest.json (checksums of the "
                + "protected files). Ready for `git init`."})
public final class HandoutCommand implements Callable<Integer> {
    private final CourseTree course;
    private final Console console;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the handout.")
    private Path out;

    public HandoutCommand(CourseTree course, Console console) {
        this.course = course;
        this.console = console;
    }

    @Override
    public Integer call() {
        Commands.checkCourseRepository(course, spec);
        Handout.Summary summary = Handout.write(course, out);
        console.out().println("handout written to " + out.toAbsolutePath() + ": " + summary.files() + " files, "
                + summary.editable() + " student-editable, " + summary.protectedFiles() + " protected");
        return 0;
    }
}
