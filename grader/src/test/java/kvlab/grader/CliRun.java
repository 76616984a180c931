package kvlab.grader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import kvlab.grader.course.CourseTree;

/**
 * One {@code kvlab} command run in-process, with what it printed.
 *
 * @param exitCode the command's exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
public record CliRun(int exitCode, String out, String err) {
    /** The course repository: the grader module's parent (surefire runs in the module directory). */
    public static final CourseTree COURSE = new CourseTree(Path.of("..").toAbsolutePath().normalize());

    public static CliRun run(CourseTree course, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(course, new Console(new PrintWriter(out), new PrintWriter(err), false), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Both streams, for assertion messages. */
    public String transcript() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
