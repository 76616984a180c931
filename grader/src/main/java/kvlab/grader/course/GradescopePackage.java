package kvlab.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kvlab.grader.FileTrees;

/**
 * Writes a Gradescope autograder zip. Gradescope unpacks it into {@code /autograder/source}, runs
 * {@code setup.sh} once to build the image and {@code run_autograder} for every submission. The zip
 * holds:
 * <ol>
 *   <li>{@code setup.sh}: installs JDK 17 and Maven, builds the grader, warms the Maven repository;</li>
 *   <li>{@code run_autograder}: {@code kvlab grade --submission /autograder/submission --out
 *       /autograder/results} for the chosen parts;</li>
 *   <li>{@code course/}: the student handout, which the grader grades submissions in, plus the hidden
 *       tests ({@code solutions-private/MODULE/src/test/java}). It holds no reference solution:
 *       the zip stays on Gradescope's side, but a solution is never needed to grade, and a hidden
 *       test is.</li>
 * </ol>
 */
public final class GradescopePackage {
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private GradescopePackage() {
    }

    /** What a package holds. */
    public record Summary(int courseFiles, int hiddenTests) {
    }

    /**
     * Writes the autograder for {@code partIds} (all parts when empty) of {@code course}, the
     * instructors' repository, to {@code zip}, replacing it if it exists.
     */
    public static Summary write(CourseTree course, List<String> partIds, Path zip) {
        Path staging = temporaryDirectory();
        try {
            CourseTree packaged = new CourseTree(staging.resolve("course"));
            Handout.write(course, packaged.root());
            List<String> hidden = course.hiddenTestFiles();
            for (String file : hidden) {
                FileTrees.copyFile(course.resolve(file), packaged.resolve(file));
            }
            Files.deleteIfExists(zip);
            if (zip.toAbsolutePath().getParent() != null) {
                Files.createDirectories(zip.toAbsolutePath().getParent());
            }
            List<String> files = packaged.files();
            try (FileSystem out = FileSystems.newFileSystem(URI.create("jar:" + zip.toAbsolutePath().toUri()),
                    Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
                add(out, "setup.sh", Resources.text("gradescope/setup.sh"), true);
                add(out, "run_autograder", Resources.text("gradescope/run_autograder")
                        .replace("{{PARTS}}", partIds.isEmpty() ? "" : " " + String.join(" ", partIds)), true);
                for (String file : files) {
                    copy(out, "course/" + file, packaged.resolve(file));
                }
                for (String file : hidden) {
                    copy(out, "course/" + file, packaged.resolve(file));
                }
            }
            return new Summary(files.size() + hidden.size(), hidden.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip, e);
        } finally {
            FileTrees.delete(staging);
        }
    }

    private static void add(FileSystem zip, String name, String text, boolean executable) throws IOException {
        Path entry = zip.getPath(name);
        Files.writeString(entry, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(entry, executable ? EXECUTABLE : READABLE);
    }

    private static void copy(FileSystem zip, String name, Path from) throws IOException {
        Path entry = zip.getPath(name);
        Files.createDirectories(entry.getParent());
        Files.copy(from, entry);
        Files.setPosixFilePermissions(entry, Files.isExecutable(from) ? EXECUTABLE : READABLE);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kvlab-package-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }
}
