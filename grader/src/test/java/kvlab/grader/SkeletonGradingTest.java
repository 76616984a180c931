package kvlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import kvlab.grader.report.ReportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The untouched skeleton compiles and scores 0 on every part: every graded test fails on its TODO
 * message, none hangs or takes its JVM down, and the exit code is 1. With two seeds, a test that
 * failed under the first is not run again and is reported with that seed.
 */
class SkeletonGradingTest {
    @TempDir
    static Path reports;
    private static CliRun run;

    @BeforeAll
    static void gradeTheSkeleton() {
        run = CliRun.run(CliRun.COURSE, "grade", "--seed", "42", "--seeds", "2", "--timeout", "60", "--out", reports.toString());
    }

    @Test
    void exitsOneWithZeroPoints() {
        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(ReportFiles.score(reports.resolve("results.json"))).isZero();
        assertThat(ReportFiles.maxScore(reports.resolve("results.json"))).isPositive();
    }

    @Test
    void everyTestFailsOnItsTodoMessage() {
        var tests = ReportFiles.json(reports.resolve("results.json")).getAsJsonArray("tests");
        assertThat(tests).isNotEmpty();
        for (JsonElement element : tests) {
            JsonObject test = element.getAsJsonObject();
            assertThat(test.get("status").getAsString()).isEqualTo("failed");
            assertThat(test.get("output").getAsString()).as(test.get("name").getAsString()).contains("not implemented");
        }
    }

    @Test
    void failuresComeWithTheirReplayCommand() {
        assertThat(run.out()).contains("Failures:")
                .contains("replay: mvn -pl project1-standalone -am test -Dtest=",
                        "replay: mvn -pl project2-raft -am test -Dtest=", "replay: mvn -pl project4-txn -am test -Dtest=")
                .contains("-Dkvlab.excludedGroups=none -Dkvlab.seed=42")
                .doesNotContain("-Dkvlab.seed=43");
        assertThat(run.err()).contains("seeds: [42, 43]").doesNotContain("seed 2/2");
    }

    @Test
    void reportHtmlHasASectionPerFailureAndTheTracesOfSimulatedOnes() throws Exception {
        int tests = ReportFiles.json(reports.resolve("results.json")).getAsJsonArray("tests").size();
        Path html = reports.resolve("report.html");
        String page = Files.readString(html);
        assertThat(page).contains("Failures (" + tests + ")", "<script type=\"application/json\" id=\"data-");
        assertThat(Files.size(html)).as("report.html bytes").isLessThan(20_000_000);
        assertThat(run.err()).contains(html.toAbsolutePath().toString());
    }

    @Test
    void listShowsTheSameTestsAndPointsAndThePartsWithoutTestsYet() {
        int tests = ReportFiles.json(reports.resolve("results.json")).getAsJsonArray("tests").size();
        int points = ReportFiles.maxScore(reports.resolve("results.json"));
        CliRun list = CliRun.run(CliRun.COURSE, "list");
        assertThat(list.exitCode()).as(list.transcript()).isZero();
        assertThat(list.out()).contains("Part 3a (project3-multiraft): no graded tests yet", "Total: " + tests + " tests, " + points + " points");
        assertThat(list.out().lines().filter(line -> line.matches(" +\\d+  \\w+\\.\\w+"))).hasSize(tests);
    }

    @Test
    void noTestHangsOrCrashesItsJvm() throws Exception {
        int tests = ReportFiles.json(reports.resolve("results.json")).getAsJsonArray("tests").size();
        // Errors are the tests whose JVM died or was killed: the skeleton must fail cleanly instead.
        ReportFiles.assertJUnitTotals(reports.resolve("junit"), ReferenceGradingTest.PARTS_WITH_TESTS, tests, tests, 0);
        ReportFiles.assertClassroom(reports.resolve("classroom.json"), "fail");
    }
}
