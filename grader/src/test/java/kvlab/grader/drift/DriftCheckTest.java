package kvlab.grader.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCheckTest {
    private static final String SKELETON = "mod/src/main/java/p/Student.java";
    private static final String SOLUTION = "solutions-private/mod/src/main/java/p/Student.java";
    private static final String TODO_BODY = "{ throw new UnsupportedOperationException(\"not implemented: TODO(1) x\"); }";

    @TempDir
    Path root;

    @Test
    void theCourseRepositoryHasNoDrift() {
        Path course = Path.of("").toAbsolutePath().getParent();
        assumeTrue(Files.isDirectory(course.resolve("solutions-private")),
                "a student handout has no solutions-private/: nothing to compare");
        assertThat(DriftCheck.check(course)).as("skeleton/solution drift in %s", course).isEmpty();
    }

    @Test
    void twinsThatDifferOnlyInBodiesParameterNamesAndPrivatePartsAgree() throws IOException {
        write(SKELETON, "package p; public class Student { public int size(String name) " + TODO_BODY + " }");
        write(SOLUTION, "package p; public class Student { private int n; "
                + "public int size(String other) { return helper(); } private int helper() { return n; } "
                + "private static final class Inner { public void hidden() {} } }");
        assertThat(DriftCheck.check(root)).isEmpty();
    }

    @Test
    void aDifferentReturnTypeIsReportedOnBothSides() throws IOException {
        write(SKELETON, "package p; public class Student { public int size() " + TODO_BODY + " }");
        write(SOLUTION, "package p; public class Student { public long size() { return 0; } }");
        assertThat(DriftCheck.check(root)).containsExactly(
                SKELETON + ": only in skeleton: method Student.public int size()",
                SKELETON + ": only in solution: method Student.public long size()");
    }

    @Test
    void parameterTypesThrowsAndVisibilityCount() throws IOException {
        write(SKELETON, "package p; public class Student { "
                + "public void put(byte[] key) " + TODO_BODY
                + " protected void flush() throws java.io.IOException " + TODO_BODY + " }");
        write(SOLUTION, "package p; public class Student { "
                + "public void put(String key) {} void flush() {} }");
        assertThat(DriftCheck.check(root)).containsExactlyInAnyOrder(
                SKELETON + ": only in skeleton: method Student.public void put(byte[])",
                SKELETON + ": only in skeleton: method Student.protected void flush() throws java.io.IOException",
                SKELETON + ": only in solution: method Student.public void put(String)");
    }

    @Test
    void typeDeclarationsAndPublicNestedTypesCount() throws IOException {
        write(SKELETON, "package p; public final class Student implements Runnable { "
                + "public void run() " + TODO_BODY + " public record Pair(int a) {} }");
        write(SOLUTION, "package p; public class Student implements Runnable { "
                + "public void run() {} public record Pair(long a) {} }");
        assertThat(DriftCheck.check(root)).containsExactlyInAnyOrder(
                SKELETON + ": only in skeleton: type public final class Student implements Runnable",
                SKELETON + ": only in solution: type public class Student implements Runnable",
                SKELETON + ": only in skeleton: type public record Student.Pair(int a)",
                SKELETON + ": only in solution: type public record Student.Pair(long a)");
    }

    @Test
    void aSolutionWithoutASkeletonTwinIsReported() throws IOException {
        write(SOLUTION, "package p; public class Student {}");
        assertThat(DriftCheck.check(root)).containsExactly(SKELETON + ": solution file has no skeleton twin");
    }

    @Test
    void aSkeletonFileWithoutASolutionTwinIsReportedButProvidedFilesAreNot() throws IOException {
        write(SKELETON, "package p; public class Student { public void run() " + TODO_BODY + " }");
        write("mod/src/main/java/p/Provided.java", "package p; public class Provided { public void run() {} }");
        assertThat(DriftCheck.check(root)).singleElement().asString()
                .startsWith(SKELETON + ": skeleton file")
                .contains("has no solution twin under solutions-private/mod/src/main/java");
    }

    private void write(String relative, String source) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }
}
