package kvlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import kvlab.grader.course.CourseTree;
import kvlab.grader.report.ReportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handout end to end: it builds and its grader runs (score 0); a student checkout made from it
 * with the reference solutions copied in, graded through --submission, gets full marks, hidden
 * tests included, although one of its test files was edited to fail, and the report names that file. A submission that does
 * not compile scores 0 of the part's full score, with the compiler's errors in every report.
 */
class HandoutGradingTest {
    private static final CourseTree COURSE = CliRun.COURSE;

    @TempDir
    static Path tmp;
    private static CliRun handoutGrade;
    private static CliRun submissionGrade;
    private static String editedTest;
    private static CliRun brokenGrade;
    private static String brokenFile;

    @BeforeAll
    static void gradeTheHandoutAndASubmission() throws IOException {
        CourseTree handout = new CourseTree(tmp.resolve("handout"));
        assertThat(CliRun.run(COURSE, "handout", "--out", handout.root().toString()).exitCode()).isZero();
        handoutGrade = CliRun.run(handout, "grade", "1", "--seed", "7", "--seeds", "1", "--out", tmp.resolve("handout-reports").toString());

        for (String file : COURSE.editableFiles()) {
            FileTrees.copyFile(COURSE.resolve(CourseTree.SOLUTIONS + "/" + file), handout.resolve(file));
        }
        editedTest = disableOneGradedTest(handout);
        submissionGrade = CliRun.run(COURSE, "grade", "1", "--submission", handout.root().toString(), "--seed", "7", "--seeds", "1",
                "--out", tmp.resolve("submission-reports").toString());

        brokenFile = COURSE.editableFiles().first();
        Files.writeString(handout.resolve(brokenFile), "class Broken { int x = ; }\n", StandardOpenOption.APPEND);
        brokenGrade = CliRun.run(COURSE, "grade", "1", "--submission", handout.root().toString(), "--seeds", "1",
                "--out", tmp.resolve("broken-reports").toString());
    }

    /** Edits a graded test the way a student might to dodge it: were the edit used, it would fail. */
    private static String disableOneGradedTest(CourseTree checkout) throws IOException {
        for (String file : checkout.files()) {
            if (file.startsWith("project1-standalone/src/test/java/")) {
                String text = Files.readString(checkout.resolve(file));
                int graded = text.indexOf("@Graded(");
                if (graded >= 0) {
                    Files.writeString(checkout.resolve(file), text.substring(0, graded)
                            + "@org.junit.jupiter.api.Disabled(\"edited by the student\") " + text.substring(graded));
                    return file;
                }
            }
        }
        throw new AssertionError("no graded test in the handout");
    }

    @Test
    void theHandoutBuildsAndItsGraderScoresZero() {
        assertThat(handoutGrade.exitCode()).as(handoutGrade.transcript()).isEqualTo(1);
        Path results = tmp.resolve("handout-reports/results.json");
        assertThat(ReportFiles.score(results)).isZero();
        assertThat(ReportFiles.maxScore(results)).isPositive();
        assertThat(handoutGrade.out()).contains("not implemented")
                .as("replay commands of a handout build the skeleton").doesNotContain("-Preference");
    }

    @Test
    void theSubmissionGetsFullMarksFromThePristineTestsAndTheHiddenOnes() {
        assertThat(submissionGrade.exitCode()).as(submissionGrade.transcript()).isZero();
        Path results = tmp.resolve("submission-reports/results.json");
        List<JsonObject> hidden = new ArrayList<>();
        ReportFiles.json(results).getAsJsonArray("tests").forEach(t -> {
            if (t.getAsJsonObject().get("visibility").getAsString().equals("after_published")) {
                hidden.add(t.getAsJsonObject());
            }
        });
        assertThat(hidden).as("part 1's hidden tests, graded but shown only once grades are published").isNotEmpty()
                .allMatch(t -> t.get("name").getAsString().endsWith(" (hidden)") && t.get("status").getAsString().equals("passed"));
        int hiddenPoints = hidden.stream().mapToInt(t -> t.get("max_score").getAsInt()).sum();
        assertThat(ReportFiles.score(results)).isEqualTo(ReportFiles.maxScore(results))
                .isEqualTo(ReportFiles.maxScore(tmp.resolve("handout-reports/results.json")) + hiddenPoints);
        assertThat(handoutGrade.out()).doesNotContain("(hidden)");
    }

    @Test
    void aSubmissionThatDoesNotCompileScoresZeroWithTheCompilerErrors() {
        assertThat(brokenGrade.exitCode()).as(brokenGrade.transcript()).isEqualTo(1);
        String error = brokenFile + ":[";
        assertThat(brokenGrade.out()).contains("the build failed:", "COMPILATION ERROR", error);
        Path reports = tmp.resolve("broken-reports");
        assertThat(ReportFiles.score(reports.resolve("results.json"))).isZero();
        // Out of the part's full score, hidden tests included, not 0/0: the tests are read from their sources.
        assertThat(ReportFiles.maxScore(reports.resolve("results.json")))
                .isEqualTo(ReportFiles.maxScore(tmp.resolve("submission-reports/results.json")));
        assertThat(brokenGrade.out()).containsPattern("1 +\\(could not run: see below\\) +0/[1-9]");
        assertThat(ReportFiles.json(reports.resolve("results.json")).get("output").getAsString()).contains(error);
        ReportFiles.assertClassroom(reports.resolve("classroom.json"), "error");
    }

    @Test
    void theEditedTestFileIsReportedAndIgnored() {
        // Other course files may have changed since the handout was written: look for ours among them.
        String prefix = "ignored: changes to protected files: ";
        assertThat(submissionGrade.out().lines().filter(line -> line.startsWith(prefix)))
                .singleElement().satisfies(line -> assertThat(line.substring(prefix.length()).split(", "))
                        .contains(editedTest));
        assertThat(ReportFiles.json(tmp.resolve("submission-reports/results.json")).get("output").getAsString())
                .contains(prefix).contains(editedTest);
    }
}
