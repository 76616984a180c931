package kvlab.grader.course;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kvlab.grader.GradingException;

/**
 * A checkout of the course: the instructors' repository (with {@code solutions-private/}), a
 * student handout (with {@code .kvlab/manifest.json}), the Gradescope autograder's copy (a handout
 * plus the hidden tests), or a student's submission.
 *
 * <p>Hidden tests are graded tests that the handout leaves out, so that students cannot tune their
 * code to them: {@code solutions-private/MODULE/src/test/java/...}. The {@code course} Maven profile,
 * active wherever {@code solutions-private/} exists, compiles them with the module's own tests.
 *
 * <p>Paths inside a tree are relative strings with {@code /} separators, so they compare equal
 * across trees and read the same in manifests and reports.
 */
public final class CourseTree {
    /** The instructors' solution files, one per student-editable file, at the same path. */
    public static final String SOLUTIONS = "solutions-private";
    /** Where a handout records its protected files' checksums. */
    public static final String MANIFEST = ".kvlab/manifest.json";
    private static final String MAIN_SOURCES = "src/main/java";
    private static final String TEST_SOURCES = "src/test/java";

    private final Path root;

    public CourseTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** True in the instructors' repository, which holds the reference solutions (not just hidden tests). */
    public boolean hasSolutions() {
        Path solutions = root.resolve(SOLUTIONS);
        if (!Files.isDirectory(solutions)) {
            return false;
        }
        try (Stream<Path> modules = Files.list(solutions)) {
            return modules.anyMatch(module -> Files.isDirectory(module.resolve(MAIN_SOURCES)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + solutions, e);
        }
    }

    /** The hidden tests' sources, {@code solutions-private/MODULE/src/test/java/...}, sorted. */
    public List<String> hiddenTestFiles() {
        List<String> hidden = new ArrayList<>();
        walk(root.resolve(SOLUTIONS), path -> {
            if (path.matches("[^/]+/" + TEST_SOURCES + "/.+")) {
                hidden.add(SOLUTIONS + "/" + path);
            }
        });
        Collections.sort(hidden);
        return hidden;
    }

    /** Whether the test class {@code className} (fully qualified, maybe nested) of {@code module} is hidden. */
    public boolean isHiddenTest(String module, String className) {
        String outer = className.split("\\$")[0];
        return Files.isRegularFile(root.resolve(SOLUTIONS).resolve(module).resolve(TEST_SOURCES)
                .resolve(outer.replace('.', '/') + ".java"));
    }

    /** True in a student handout. */
    public boolean hasManifest() {
        return Files.isRegularFile(root.resolve(MANIFEST));
    }

    /**
     * The files students may edit: {@code MODULE/src/main/java/...} for every
     * {@code solutions-private/MODULE/src/main/java/...}; in a handout, the manifest's list.
     *
     * @throws GradingException in a tree that has neither
     */
    public SortedSet<String> editableFiles() {
        if (hasSolutions()) {
            SortedSet<String> editable = new TreeSet<>();
            walk(root.resolve(SOLUTIONS), path -> {
                if (path.matches("[^/]+/src/main/java/.+")) {
                    editable.add(path);
                }
            });
            return Collections.unmodifiableSortedSet(editable);
        }
        if (hasManifest()) {
            return Manifest.read(root.resolve(MANIFEST)).editable();
        }
        throw new GradingException(root + " has neither " + SOLUTIONS + "/ nor " + MANIFEST
                + ": it is not the course repository or a handout");
    }

    /**
     * Every file of the course in this tree, sorted: everything but version control, build output
     * ({@code target*}), IDE settings and the reference solutions.
     */
    public List<String> files() {
        List<String> files = new ArrayList<>();
        walk(root, files::add);
        Collections.sort(files);
        return files;
    }

    /**
     * Whether a file is protected: source or build input that the grader always takes from the
     * course, never from a submission (Java sources, POMs, the launcher, resources, CI workflows),
     * and that is not student-editable.
     */
    public static boolean isProtected(String path, Set<String> editable) {
        if (editable.contains(path)) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".java") || name.equals("pom.xml") || path.equals("kvlab")
                || path.contains("src/main/resources/") || path.contains("src/test/resources/")
                || path.startsWith(".mvn/") || path.startsWith(".github/");
    }

    private void walk(Path top, Consumer<String> sink) {
        if (!Files.isDirectory(top)) {
            return;
        }
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(top) || !skipped(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        sink.accept(relative(top, file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + top, e);
        }
    }

    private boolean skipped(Path dir) {
        String name = dir.getFileName().toString();
        return name.equals(".git") || name.equals("target") || name.startsWith("target-")
                || name.equals(".idea") || name.equals(".vscode")
                || dir.equals(root.resolve(SOLUTIONS));
    }

    private static String relative(Path top, Path file) {
        return top.relativize(file).toString().replace(File.separatorChar, '/');
    }
}
