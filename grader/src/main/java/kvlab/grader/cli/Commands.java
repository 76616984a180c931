package kvlab.grader.cli;

import kvlab.grader.course.CourseTree;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks that several commands share. */
final class Commands {
    private Commands() {
    }

    /** {@code --reference} needs the instructors' repository. */
    static void checkReference(boolean reference, CourseTree course, CommandSpec spec) {
        if (reference && !course.hasSolutions()) {
            throw new ParameterException(spec.commandLine(),
                    "--reference needs the course repository: " + course.root() + " has no solutions-private/");
        }
    }

    /** Commands that cut something from the solutions need the instructors' repository. */
    static void checkCourseRepository(CourseTree course, CommandSpec spec) {
        if (!course.hasSolutions()) {
            throw new ParameterException(spec.commandLine(), spec.name() + " needs the course repository: "
                    + course.root() + " has no solutions-private/");
        }
    }
}
