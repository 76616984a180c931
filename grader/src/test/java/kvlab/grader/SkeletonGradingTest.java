package kvlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kvlab.grader.course.Part;
import kvlab.grader.grading.SourceDiscovery;
import kvlab.grader.report.ReportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The untouched skeleton compiles and scores 0 on every part: every graded test fails on its TODO
 * message, none hangs or takes its JVM down, and the exit code is 1. It grades with the defaults:
 * three fresh consecutive seeds, printed; a test that failed under the first is not run again and is
 * reported with that seed.
 */
class SkeletonGradingTest {
    @TempDir
    static Path reports;
    private static CliRun run;
    private static long firstSeed;

    @BeforeAll
    static void gradeTheSkeleton() {
        run = CliRun.run(CliRun.COURSE, "grade", "--timeout", "60", "--out", reports.toString());
        Matcher seeds = Pattern.compile("seeds: \\[(\\d+), (\\d+), (\\d+)]").matcher(run.err());
        assertThat(seeds.find()).as(run.transcript()).isTrue();
        firstSeed = Long.parseLong(seeds.group(1));
        assertThat(List.of(Long.parseLong(seeds.group(2)), Long.parseLong(seeds.group(3))))
                .containsExactly(firstSeed + 1, firstSeed + 2);
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
                .contains("-Dkvlab.excludedGroups=none -Dkvlab.seed=" + firstSeed + "\n")
                .doesNotContain("-Dkvlab.seed=" + (firstSeed + 1));
        assertThat(run.err()).contains("[1 seed 1/3] ").doesNotContain("seeds 2-3/3");
    }

    @Test
    void everyReportListsTheSeeds() {
        String seeds = firstSeed + " " + (firstSeed + 1) + " " + (firstSeed + 2);
        assertThat(run.out()).contains("Seeds: " + seeds + " (every test must pass under each; rerun them all: --seed "
                + firstSeed + " --seeds 3)");
        String list = "[" + firstSeed + ", " + (firstSeed + 1) + ", " + (firstSeed + 2) + "]";
        assertThat(ReportFiles.json(reports.resolve("results.json")).get("output").getAsString()).contains("seeds " + list);
        assertThat(ReportFiles.json(reports.resolve("classroom.json")).get("seeds").toString())
                .isEqualTo(list.replace(" ", ""));
        assertThat(ReportFiles.json(reports.resolve("classroom.json")).getAsJsonArray("tests").get(0).getAsJsonObject()
                .get("message").getAsString()).startsWith("seed " + firstSeed + ": ");
        assertThat(reports.resolve("junit/TEST-kvlab-part-1.xml")).content()
                .contains("<property name=\"kvlab.seeds\" value=\"" + list + "\"");
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
        assertThat(list.out().lines().filter(line -> line.matches(" +\\d+  \\w+\\.\\w+( \\(hidden\\))?"))).hasSize(tests);
        assertThat(list.out()).contains("FamilyBoundaryTest.iteratorsEndAtTheirFamilysLastKey (hidden)");
    }

    @Test
    void theGateStopsAfterTheFirstPartShortOfFullMarksAndMarksTheRestNotRun(@TempDir Path gated) throws Exception {
        CliRun run = CliRun.run(CliRun.COURSE, "grade", "4b", "4a", "--gate", "--seeds", "1", "--check-determinism",
                "--out", gated.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.err()).contains("[4a] ").doesNotContain("[4b] ");
        String reason = "not run: part 4a scored 0/";
        // Failing the same way twice is deterministic: the determinism check adds no failure of its own.
        assertThat(run.out()).contains("--gate: part 4a scored 0/", "; the parts after it did not run",
                        "determinism checked: every test ran twice under seed")
                .doesNotContain("non-deterministic: ")
                .containsPattern("4b +\\w+\\.\\w+ +0/\\d+ +not run");
        var tests = ReportFiles.json(gated.resolve("results.json")).getAsJsonArray("tests");
        List<JsonObject> partB = new java.util.ArrayList<>();
        tests.forEach(t -> {
            if (t.getAsJsonObject().get("name").getAsString().startsWith("Part 4b: ")) {
                partB.add(t.getAsJsonObject());
            }
        });
        assertThat(partB).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("status").getAsString()).isEqualTo("failed");
            assertThat(t.get("output").getAsString()).startsWith(reason);
        });
        ReportFiles.assertJUnit(gated.resolve("junit/TEST-kvlab-part-4b.xml"), partB.size(), 0, 0);
        assertThat(gated.resolve("junit/TEST-kvlab-part-4b.xml")).content()
                .contains("skipped=\"" + partB.size() + "\"", "<skipped message=\"" + reason);
    }

    @Test
    void readingTheTestSourcesFindsExactlyWhatDiscoveryFinds() {
        List<String> discovered = new java.util.ArrayList<>();
        ReportFiles.json(reports.resolve("results.json")).getAsJsonArray("tests").forEach(t -> discovered.add(
                t.getAsJsonObject().get("name").getAsString() + " " + t.getAsJsonObject().get("max_score").getAsInt()));
        List<String> fromSources = java.util.Arrays.stream(Part.values())
                .flatMap(part -> SourceDiscovery.discover(CliRun.COURSE, part.module()).stream()
                        .filter(t -> t.part().equals(part.id())))
                .map(t -> "Part " + t.part() + ": " + t.label() + " " + t.points()).toList();
        // Same tests, same points, same order: a part that does not compile still shows its full score.
        assertThat(fromSources).isNotEmpty().containsExactlyElementsOf(discovered);
    }

    @Test
    void noTestHangsOrCrashesItsJvm() throws Exception {
        int tests = ReportFiles.json(reports.resolve("results.json")).getAsJsonArray("tests").size();
        // Errors are the tests whose JVM died or was killed: the skeleton must fail cleanly instead.
        ReportFiles.assertJUnitTotals(reports.resolve("junit"), ReferenceGradingTest.PARTS_WITH_TESTS, tests, tests, 0);
        ReportFiles.assertClassroom(reports.resolve("classroom.json"), "fail");
    }
}
