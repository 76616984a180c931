package kvlab.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kvlab.grader.FileTrees;
import kvlab.grader.GradingException;

/**
 * A student's submission laid into a pristine copy of the course, ready to build and grade. Only
 * the student-editable files come from the submission; edits to anything else (tests, harness,
 * grader, POMs) are listed and ignored, so they cannot change the score. The course's hidden tests
 * come along (and only they from {@code solutions-private/}), so they are graded too.
 *
 * @param workspace the temporary course copy to grade; {@link #close} deletes it
 * @param missing editable files the submission lacks (the skeleton version stays)
 * @param ignored protected files the submission changed or added, with "(added)" for the latter
 */
public record Submission(CourseTree workspace, List<String> missing, List<String> ignored)
        implements AutoCloseable {

    /**
     * Copies {@code course} (without solutions and build output, with its hidden tests) to a
     * temporary directory and the editable files of {@code submission} over it.
     *
     * @throws GradingException if the submission is not a directory
     */
    public static Submission prepare(CourseTree course, Path submission) {
        if (!Files.isDirectory(submission)) {
            throw new GradingException("submission " + submission + " is not a directory");
        }
        Set<String> editable = course.editableFiles();
        CourseTree workspace = new CourseTree(temporaryDirectory());
        for (String file : course.files()) {
            FileTrees.copyFile(course.resolve(file), workspace.resolve(file));
        }
        for (String file : course.hiddenTestFiles()) {
            FileTrees.copyFile(course.resolve(file), workspace.resolve(file));
        }
        List<String> missing = new ArrayList<>();
        for (String file : editable) {
            Path theirs = submission.resolve(file);
            if (Files.isRegularFile(theirs)) {
                FileTrees.copyFile(theirs, workspace.resolve(file));
            } else {
                missing.add(file);
            }
        }
        return new Submission(workspace, List.copyOf(missing), ignoredChanges(course, new CourseTree(submission), editable));
    }

    private static List<String> ignoredChanges(CourseTree course, CourseTree submission, Set<String> editable) {
        List<String> ignored = new ArrayList<>();
        for (String file : submission.files()) {
            if (!CourseTree.isProtected(file, editable)) {
                continue;
            }
            Path pristine = course.resolve(file);
            Optional<String> generated = Handout.generated(file);
            if (generated.isPresent()) {
                if (!generated.get().equals(readString(submission.resolve(file)))) {
                    ignored.add(file);
                }
            } else if (!Files.isRegularFile(pristine)) {
                ignored.add(file + " (added)");
            } else if (!Manifest.sha256(pristine).equals(Manifest.sha256(submission.resolve(file)))) {
                ignored.add(file);
            }
        }
        return List.copyOf(ignored);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kvlab-submission-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    @Override
    public void close() {
        FileTrees.delete(workspace.root());
    }
}
