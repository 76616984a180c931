package kvlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kvlab.grader.report.ReportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference solutions score full marks on every part that has graded tests, under two seeds (the
 * tests that read their seed; the others once), and every report says so in its format.
 */
class ReferenceGradingTest {
    /** Parts 1, 2a, 2b, 2c, 4a, 4b and 4c have graded tests so far. */
    static final int PARTS_WITH_TESTS = 7;

    @TempDir
    static Path reports;
    private static CliRun run;

    @BeforeAll
    static void gradeTheReference() {
        run = CliRun.run(CliRun.COURSE, "grade", "--reference", "--seed", "42", "--seeds", "2", "--out", reports.toString());
    }

    @Test
    void exitsZeroWithFullMarks() {
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        int max = ReportFiles.maxScore(reports.resolve("results.json"));
        assertThat(max).isPositive();
        assertThat(ReportFiles.score(reports.resolve("results.json"))).isEqualTo(max);
        assertThat(run.out()).containsPattern("overall +" + max + "/" + max);
        assertThat(run.out()).doesNotContain("Failures:");
    }

    @Test
    void everyTestRanUnderBothSeeds() {
        assertThat(run.err()).contains("seeds: [42, 43]", "[1 seed 1/2] 1/", "[2a seeds 2/2] 1/1 seed 43: ",
                "[2b seeds 2/2] 1/1 seed 43: ", "[2c seeds 2/2] 1/1 seed 43: ");
        assertThat(run.out()).contains("Seeds: 42 43 (every test must pass under each; rerun them all: --seed 42 --seeds 2)");
        List<String> rows = run.out().lines()
                .filter(line -> line.matches("(1|2[abc]|4[abc]) +\\w+\\..*") && !line.contains(" total ")).toList();
        // A test that never read its seed ran once: another seed could not change it.
        assertThat(rows).allMatch(line -> line.contains(" passed ") && (line.endsWith(" 2 seeds") || line.endsWith(" unseeded")))
                .anyMatch(line -> line.startsWith("2b ") && line.endsWith(" 2 seeds"))
                .anyMatch(line -> line.endsWith(" unseeded"));
    }

    @Test
    void writesGradescopeResultsWithEveryTestPassed() {
        Path results = reports.resolve("results.json");
        ReportFiles.assertGradescope(results);
        var tests = ReportFiles.json(results).getAsJsonArray("tests");
        assertThat(tests).isNotEmpty();
        for (JsonElement test : tests) {
            assertThat(test.getAsJsonObject().get("status").getAsString()).isEqualTo("passed");
            assertThat(test.getAsJsonObject().get("name").getAsString()).matches("Part (1|2a|2b|2c|4a|4b|4c): .+");
        }
        assertThat(ReportFiles.json(results).get("output").getAsString()).contains("reference", "seeds [42, 43]");
        assertThat(tests).filteredOn(t -> t.getAsJsonObject().get("visibility").getAsString().equals("after_published"))
                .as("the hidden tests, graded in the course repository").isNotEmpty()
                .allMatch(t -> t.getAsJsonObject().get("name").getAsString().endsWith(" (hidden)"));
    }

    @Test
    void writesAReportHtmlWithoutFailures() throws Exception {
        assertThat(Files.readString(reports.resolve("report.html"))).contains("Failures (0)")
                .doesNotContain("<details class=\"run");
    }

    @Test
    void writesAPassingClassroomResult() {
        ReportFiles.assertClassroom(reports.resolve("classroom.json"), "pass");
    }

    @Test
    void writesValidJUnitXmlWithoutFailures() throws Exception {
        int tests = ReportFiles.json(reports.resolve("results.json")).getAsJsonArray("tests").size();
        ReportFiles.assertJUnitTotals(reports.resolve("junit"), PARTS_WITH_TESTS, tests, 0, 0);
    }
}
