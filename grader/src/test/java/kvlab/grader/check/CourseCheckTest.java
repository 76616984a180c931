package kvlab.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kvlab.grader.CliRun;
import kvlab.grader.FileTrees;
import kvlab.grader.course.CourseTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kvlab check --course} passes on the course as it is, and in a copy names the file and line of
 * each planted inconsistency: a TODO naming a test that does not exist, a provided line changed in
 * the reference only, a README count off by one, a README listing a file students do not edit.
 */
class CourseCheckTest {
    private static final String SERVICE = "project1-standalone/src/main/java/kvlab/standalone/server/RawKvService.java";
    private static final String STORAGE = "project1-standalone/src/main/java/kvlab/standalone/rocksdb/StandaloneStorage.java";

    @TempDir
    Path tmp;
    private CourseTree copy;
    private List<Problem> before;

    @BeforeEach
    void copyTheCourse() throws IOException {
        CourseTree course = CliRun.COURSE;
        copy = new CourseTree(tmp.resolve("course"));
        List<String> files = new ArrayList<>(course.files());
        try (Stream<Path> solutions = Files.walk(course.resolve(CourseTree.SOLUTIONS))) {
            solutions.filter(Files::isRegularFile).forEach(f -> files.add(course.root().relativize(f).toString()));
        }
        for (String file : files) {
            FileTrees.copyFile(course.resolve(file), copy.resolve(file));
        }
        before = CourseCheck.check(copy);
    }

    @Test
    void theCourseIsConsistent() {
        CliRun run = CliRun.run(CliRun.COURSE, "check", "--course");
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.out()).startsWith("course consistent");
        assertThat(before).isEmpty();
    }

    @Test
    void aTodoNamingATestThatDoesNotExistIsNamedWithItsLine() throws IOException {
        int line = replace(SERVICE, "RawKvServiceTest#rawDeleteRemovesTheKey", "RawKvServiceTest#rawDeleteRemovesTheKeyTwice");

        assertThat(CourseCheck.check(copy)).containsExactlyInAnyOrderElementsOf(with(new Problem(SERVICE, line,
                "TODO names RawKvServiceTest#rawDeleteRemovesTheKeyTwice, which is not a graded test")));
    }

    @Test
    void aProvidedLineChangedInTheReferenceOnlyIsNamedWithItsLine() throws IOException {
        String reference = CourseTree.SOLUTIONS + "/" + STORAGE;
        int line = replace(reference, "return longProperty(\"rocksdb.num-snapshots\");", "return 0;");
        int skeletonLine = lineOf(STORAGE, "return longProperty(\"rocksdb.num-snapshots\");");

        assertThat(CourseCheck.check(copy)).containsExactlyInAnyOrderElementsOf(with(new Problem(reference, line,
                "provided line differs from the skeleton's (" + STORAGE + ":" + skeletonLine + "): reference \"return 0;\","
                        + " skeleton \"return longProperty(\"rocksdb.num-snapshots\");\"")));
    }

    @Test
    void aReadmeCountOffByOneIsNamedWithItsLine() throws IOException {
        int line = replace("README.md", "| 121 | 205 |", "| 122 | 205 |");

        assertThat(CourseCheck.check(copy)).containsExactlyInAnyOrderElementsOf(with(new Problem("README.md", line,
                "says 122 tests, `kvlab list` says 121")));
        CliRun run = CliRun.run(copy, "check", "--course");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("README.md:" + line + ": says 122 tests, `kvlab list` says 121");
    }

    @Test
    void aReadmeListingAFileStudentsDoNotEditIsNamedWithItsLine() throws IOException {
        String readme = "project4-txn/README.md";
        int line = replace(readme, "`src/main/java/kvlab/txn/mvcc/Scanner.java`", "`src/main/java/kvlab/txn/mvcc/Lock.java`");

        assertThat(CourseCheck.check(copy)).containsExactlyInAnyOrderElementsOf(with(new Problem(readme, line,
                "lists Lock.java as a file to edit, but project4-txn has no student file of that name (one with a"
                        + " reference twin)"), new Problem(readme, 0, "student file Scanner.java is in no table of files to edit")));
    }

    @Test
    void aStudentCheckoutIsNotTheCourse() {
        CliRun run = CliRun.run(new CourseTree(tmp), "check", "--course");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--course needs the course repository");
    }

    /** The problems the copy had before, with {@code planted}. */
    private List<Problem> with(Problem... planted) {
        List<Problem> expected = new ArrayList<>(before);
        expected.addAll(List.of(planted));
        return expected;
    }

    /** Replaces the first line of {@code file} holding {@code text}; returns its 1-based number. */
    private int replace(String file, String text, String replacement) throws IOException {
        int line = lineOf(file, text);
        List<String> lines = new ArrayList<>(Files.readAllLines(copy.resolve(file), StandardCharsets.UTF_8));
        lines.set(line - 1, lines.get(line - 1).replace(text, replacement));
        Files.write(copy.resolve(file), lines, StandardCharsets.UTF_8);
        return line;
    }

    private int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(copy.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }
}
