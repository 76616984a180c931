package kvlab.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kvlab.grader.FileTrees;
import kvlab.grader.GradingException;

/**
 * Writes the student repository: the course without the solutions and without the instructor-only
 * files listed in {@code handout/excludes.txt}, with the students' README, the GitHub Classroom
 * autograding workflow and a manifest of the protected files' checksums.
 */
public final class Handout {
    private static final String EXCLUDES = "handout/excludes.txt";
    private static final String README = "handout/README.md";
    private static final String CLASSROOM = "handout/classroom.yml";
    /** Where GitHub Actions finds the autograding workflow GitHub Classroom runs on every push. */
    public static final String CLASSROOM_WORKFLOW = ".github/workflows/classroom.yml";

    private Handout() {
    }

    /** What a handout holds. */
    public record Summary(int files, int editable, int protectedFiles) {
    }

    /**
     * Writes the handout of {@code course} into {@code out}, which must not exist or be empty.
     *
     * @throws GradingException if {@code out} is a file or a non-empty directory
     */
    public static Summary write(CourseTree course, Path out) {
        requireEmpty(out);
        SortedSet<String> editable = course.editableFiles();
        List<String> excludes = Resources.lines(EXCLUDES);
        List<String> files = course.files().stream().filter(f -> !excluded(f, excludes)).toList();
        for (String file : files) {
            FileTrees.copyFile(course.resolve(file), out.resolve(file));
        }
        writeReadme(out.resolve("README.md"), editable);
        writeText(out.resolve(CLASSROOM_WORKFLOW), Resources.text(CLASSROOM));
        CourseTree handout = new CourseTree(out);
        List<String> protectedFiles = handout.files().stream()
                .filter(f -> CourseTree.isProtected(f, editable)).toList();
        Manifest.of(handout, protectedFiles, editable).write(out.resolve(CourseTree.MANIFEST));
        return new Summary(handout.files().size(), editable.size(), protectedFiles.size());
    }

    /**
     * The content of a protected file that the handout writes itself rather than copies from the
     * course (the Classroom workflow), empty for any other path; a submission that holds it unchanged
     * has not edited it.
     */
    static Optional<String> generated(String path) {
        return path.equals(CLASSROOM_WORKFLOW) ? Optional.of(Resources.text(CLASSROOM)) : Optional.empty();
    }

    private static void requireEmpty(Path out) {
        if (Files.isRegularFile(out)) {
            throw new GradingException(out + " is a file: give a new or empty directory");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new GradingException(out + " is not empty: give a new or empty directory");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + out, e);
            }
        }
    }

    private static boolean excluded(String file, List<String> excludes) {
        return excludes.stream().anyMatch(e -> e.endsWith("/") ? file.startsWith(e) : file.equals(e));
    }

    private static void writeReadme(Path readme, SortedSet<String> editable) {
        String list = editable.stream()
                .collect(Collectors.groupingBy(f -> f.substring(0, f.indexOf('/')),
                        TreeMap::new, Collectors.toList()))
                .entrySet().stream()
                .map(e -> "- `" + e.getKey() + "`:\n" + e.getValue().stream()
                        .map(f -> "  - `" + f + "`").collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
        writeText(readme, Resources.text(README).replace("{{EDITABLE_FILES}}", list.isEmpty() ? "(none yet)" : list));
    }

    private static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

}
