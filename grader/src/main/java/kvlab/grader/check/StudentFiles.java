package kvlab.grader.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import kvlab.grader.course.CourseTree;

/** The lines of the files students edit, as the skeleton has them and as the reference does. */
final class StudentFiles {
    private StudentFiles() {
    }

    /** The skeleton's lines of an editable file ({@code MODULE/src/main/java/...}). */
    static List<String> skeleton(CourseTree tree, String file) {
        return lines(tree, file);
    }

    /** The reference's lines of the same file, under {@code solutions-private/}. */
    static List<String> reference(CourseTree tree, String file) {
        return lines(tree, reference(file));
    }

    static String reference(String file) {
        return CourseTree.SOLUTIONS + "/" + file;
    }

    private static List<String> lines(CourseTree tree, String file) {
        try {
            return Files.readAllLines(tree.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
