package kvlab.grader.course;

import static java.nio.file.StandardOpenOption.APPEND;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import kvlab.grader.CliRun;
import kvlab.grader.FileTrees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a handout holds and leaves out, and how `check` and submissions treat student edits (no Maven). */
class HandoutTest {
    private static final CourseTree COURSE = CliRun.COURSE;

    @TempDir
    Path tmp;
    private CourseTree handout;
    private SortedSet<String> editable;

    @BeforeEach
    void writeHandout() {
        CliRun run = CliRun.run(COURSE, "handout", "--out", tmp.resolve("handout").toString());
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        handout = new CourseTree(tmp.resolve("handout"));
        editable = COURSE.editableFiles();
    }

    @Test
    void holdsTheSkeletonAndLeavesOutSolutionsAndInstructorMaterial() throws IOException {
        assertThat(editable).isNotEmpty().allMatch(f -> f.matches("project[1-4]-[a-z]+/src/main/java/.+\\.java"))
                .contains("project1-standalone/src/main/java/kvlab/standalone/rocksdb/StandaloneStorage.java");
        for (String file : editable) {
            assertThat(Files.mismatch(COURSE.resolve(file), handout.resolve(file))).as(file).isEqualTo(-1L);
        }
        assertThat(handout.resolve(CourseTree.SOLUTIONS)).doesNotExist();
        assertThat(handout.resolve(".ci")).doesNotExist();
        assertThat(handout.resolve("grader/src/test")).doesNotExist();
        assertThat(handout.files()).noneMatch(f -> f.contains("target/") || f.startsWith(".git/"));
        assertThat(handout.resolve("kvlab")).isExecutable();
        assertThat(handout.resolve("grader/src/main/java/kvlab/grader/Main.java")).exists();
    }

    @Test
    void leavesOutTheHiddenTestsAndEveryMentionOfThem() throws IOException {
        List<String> hidden = COURSE.hiddenTestFiles();
        assertThat(hidden).isNotEmpty().allMatch(f -> f.matches(CourseTree.SOLUTIONS + "/[^/]+/src/test/java/.+\\.java"));
        for (String file : hidden) {
            String className = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
            String inModule = file.substring(CourseTree.SOLUTIONS.length() + 1);
            assertThat(handout.resolve(inModule)).doesNotExist();
            for (String handed : handout.files()) {
                assertThat(Files.readString(handout.resolve(handed), StandardCharsets.ISO_8859_1))
                        .as("%s mentions the hidden test %s", handed, className).doesNotContain(className);
            }
        }
        assertThat(handout.hiddenTestFiles()).isEmpty();
    }

    @Test
    void carriesTheGitHubClassroomWorkflowThatRunsTheGraderAndReportsItsPoints() throws IOException {
        Path workflow = handout.resolve(Handout.CLASSROOM_WORKFLOW);
        assertThat(workflow).isRegularFile();
        assertThat(Files.readString(workflow)).contains("./kvlab grade --out kvlab-results",
                "base64 -w0 kvlab-results/classroom.json", "classroom-resources/autograding-grading-reporter@v1",
                "KVLAB_RESULTS: \"${{ steps.kvlab.outputs.result }}\"", "runners: kvlab", "java-version: '17'");
        assertThat(Manifest.read(handout.resolve(CourseTree.MANIFEST)).protectedFiles())
                .as("an edited workflow shows up in `kvlab check`").containsKey(Handout.CLASSROOM_WORKFLOW);
    }

    @Test
    void hasTheStudentsReadmeListingTheFilesToEdit() throws IOException {
        String readme = Files.readString(handout.resolve("README.md"));
        assertThat(readme).contains("./kvlab grade 1", "mvn -pl project1-standalone -am test").doesNotContain("{{");
        editable.forEach(file -> assertThat(readme).contains("`" + file + "`"));
    }

    @Test
    void itsManifestCoversEveryProtectedFileAndNoEditableOne() {
        Manifest manifest = Manifest.read(handout.resolve(CourseTree.MANIFEST));
        assertThat(manifest.editable()).isEqualTo(editable);
        assertThat(manifest.protectedFiles().keySet())
                .contains("kvlab", "pom.xml", "grader/pom.xml", "harness/src/main/java/kvlab/harness/grading/Graded.java")
                .doesNotContainAnyElementsOf(editable)
                .allMatch(f -> handout.files().contains(f));
        assertThat(manifest.protectedFiles().keySet())
                .anyMatch(f -> f.startsWith("project1-standalone/src/test/java/"));
    }

    @Test
    void refusesANonEmptyDirectory() {
        CliRun again = CliRun.run(COURSE, "handout", "--out", handout.root().toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("is not empty: give a new or empty directory");
    }

    @Test
    void checkIsCleanUntilAProtectedFileChangesOrGoesMissing() throws IOException {
        CliRun clean = CliRun.run(handout, "check");
        assertThat(clean.exitCode()).as(clean.transcript()).isZero();
        assertThat(clean.out()).startsWith("clean: all ");

        Files.writeString(handout.resolve(editable.first()), "// student work\n", APPEND);
        assertThat(CliRun.run(handout, "check").exitCode()).isZero();

        Files.writeString(handout.resolve("pom.xml"), "<!-- edited -->\n", APPEND);
        Files.delete(handout.resolve("kvlab"));
        CliRun dirty = CliRun.run(handout, "check");
        assertThat(dirty.exitCode()).isEqualTo(1);
        assertThat(dirty.out()).contains("changed: pom.xml", "missing: kvlab", "2 protected files differ");
    }

    @Test
    void aSubmissionContributesOnlyItsEditableFilesAndItsOtherEditsAreListed() throws IOException {
        Path student = handout.root();
        String solution = editable.first();
        FileTrees.copyFile(COURSE.resolve(CourseTree.SOLUTIONS + "/" + solution), student.resolve(solution));
        String lost = editable.last();
        Files.delete(student.resolve(lost));
        Files.writeString(student.resolve("harness/pom.xml"), "<!-- edited -->\n", APPEND);
        Files.writeString(student.resolve("project1-standalone/src/main/java/Extra.java"), "class Extra {}\n");

        try (Submission untouchedWorkflow = Submission.prepare(COURSE, student)) {
            assertThat(untouchedWorkflow.ignored()).as("the handout's own workflow is no student edit")
                    .doesNotContain(Handout.CLASSROOM_WORKFLOW);
        }
        Files.writeString(student.resolve(Handout.CLASSROOM_WORKFLOW), "# edited\n", APPEND);

        try (Submission submission = Submission.prepare(COURSE, student)) {
            CourseTree workspace = submission.workspace();
            assertThat(Files.mismatch(workspace.resolve(solution), COURSE.resolve(CourseTree.SOLUTIONS + "/" + solution)))
                    .isEqualTo(-1L);
            assertThat(Files.mismatch(workspace.resolve(lost), COURSE.resolve(lost))).isEqualTo(-1L);
            assertThat(Files.mismatch(workspace.resolve("harness/pom.xml"), COURSE.resolve("harness/pom.xml")))
                    .isEqualTo(-1L);
            assertThat(workspace.resolve("project1-standalone/src/main/java/Extra.java")).doesNotExist();
            assertThat(workspace.hasSolutions()).as("no reference solution in the workspace").isFalse();
            assertThat(workspace.hiddenTestFiles()).as("the hidden tests come along").isEqualTo(COURSE.hiddenTestFiles());
            assertThat(submission.missing()).containsExactly(lost);
            assertThat(submission.ignored()).containsExactly(Handout.CLASSROOM_WORKFLOW, "harness/pom.xml",
                    "project1-standalone/src/main/java/Extra.java (added)");
        }
    }
}
