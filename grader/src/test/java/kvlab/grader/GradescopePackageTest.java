package kvlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import kvlab.grader.course.CourseTree;
import kvlab.grader.report.ReportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope autograder end to end, without Gradescope: `package gradescope 1` writes the zip,
 * which is unpacked into a fake /autograder (KVLAB_AUTOGRADER_ROOT) beside a submission holding
 * part 1's reference files; its run_autograder must leave results/results.json with full marks,
 * hidden tests included and shown only after publishing. Then the same autograder grades the
 * {@link Zoo}'s attacks on part 1, as shipped and with the code check off so that the sandbox alone
 * must hold them: 0 points, nothing hidden in the results, the course untouched, nothing left running.
 */
class GradescopePackageTest {
    private static final CourseTree COURSE = CliRun.COURSE;
    private static final long RUN_LIMIT_MINUTES = 8;

    @TempDir
    static Path tmp;
    private static Path zip;
    private static List<String> entries;
    private static Path autograder;
    private static String log;
    private static int exitCode;

    @BeforeAll
    static void packageAndRunTheAutograder() throws Exception {
        zip = tmp.resolve("autograder.zip");
        CliRun packaging = CliRun.run(COURSE, "package", "gradescope", "1", "--out", zip.toString());
        assertThat(packaging.exitCode()).as(packaging.transcript()).isZero();

        autograder = tmp.resolve("autograder");
        entries = unzip(zip, autograder.resolve("source"));
        for (String file : COURSE.editableFiles()) {
            if (file.startsWith("project1-standalone/")) {
                FileTrees.copyFile(COURSE.resolve(CourseTree.SOLUTIONS + "/" + file), autograder.resolve("submission/" + file));
            }
        }
        exitCode = runAutograder(Map.of());
        log = Files.readString(tmp.resolve("run.log"));
        // Kept aside: the zoo's runs write the same results directory.
        Files.move(autograder.resolve("results"), tmp.resolve("reference-results"));
    }

    /** Runs run_autograder in the fake /autograder, with {@code env} added; its output goes to run.log. */
    private static int runAutograder(Map<String, String> env) throws Exception {
        ProcessBuilder run = new ProcessBuilder("bash", autograder.resolve("source/run_autograder").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("run.log").toFile());
        run.environment().put("KVLAB_AUTOGRADER_ROOT", autograder.toString());
        run.environment().putAll(env);
        Process process = run.start();
        process.getOutputStream().close();
        if (!process.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return process.waitFor();
    }

    private static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                names.add(entry.getName());
                if (!entry.isDirectory()) {
                    Path target = into.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        return names;
    }

    @Test
    void theZipHoldsTheScriptsTheHandoutAndTheHiddenTestsButNoSolution() {
        assertThat(entries).contains("setup.sh", "run_autograder", "course/kvlab", "course/pom.xml",
                "course/.kvlab/manifest.json", "course/.github/workflows/classroom.yml");
        for (String hidden : COURSE.hiddenTestFiles()) {
            assertThat(entries).contains("course/" + hidden);
        }
        assertThat(entries).noneMatch(e -> e.matches("course/" + CourseTree.SOLUTIONS + "/[^/]+/src/main/.*"))
                .noneMatch(e -> e.startsWith("course/grader/src/test/") || e.startsWith("course/.ci/"));
    }

    @Test
    void setupInstallsJava17AndMavenAndRunAutograderGradesTheSubmission() throws IOException {
        String setup = Files.readString(autograder.resolve("source/setup.sh"), StandardCharsets.UTF_8);
        assertThat(setup).contains("apt-get install", "openjdk-17-jdk-headless", "maven");
        assertThat(Files.readString(autograder.resolve("source/run_autograder"), StandardCharsets.UTF_8))
                .contains("./kvlab grade 1 --submission \"$root/submission\" --out \"$results\"");
    }

    @Test
    void runAutograderWritesResultsWithFullMarksAndTheHiddenTestsAfterPublishing() {
        assertThat(exitCode).as(log).isZero();
        Path results = tmp.resolve("reference-results/results.json");
        assertThat(results).as(log).exists();
        ReportFiles.assertGradescope(results);
        assertThat(ReportFiles.score(results)).as(log).isPositive().isEqualTo(ReportFiles.maxScore(results));
        List<JsonObject> hidden = new ArrayList<>();
        ReportFiles.json(results).getAsJsonArray("tests").forEach(t -> {
            if (t.getAsJsonObject().get("visibility").getAsString().equals("after_published")) {
                hidden.add(t.getAsJsonObject());
            }
        });
        assertThat(hidden).isNotEmpty().allMatch(t -> t.get("name").getAsString().startsWith("Part 1: ")
                && t.get("name").getAsString().endsWith(" (hidden)"));
        assertThat(ReportFiles.json(results).get("output").getAsString()).contains("submission ", "seeds [");
    }

    @Test
    void theZooScoresZeroThroughTheAutograderWithTheCheckAndWithoutIt() throws Exception {
        CourseTree course = new CourseTree(autograder.resolve("source/course"));
        Path submission = autograder.resolve("submission");
        FileTrees.delete(submission);
        Zoo.writeSubmission(COURSE, submission);
        SortedMap<String, String> before = Zoo.fingerprint(course);
        List<Map<String, String>> runs = Zoo.sandboxHolds()
                ? List.of(Map.of(), Map.of("KVLAB_UNSAFE_SKIP_CODE_CHECK", "unsafe"))
                // Without a sandbox that holds alone (README, Hostile code), only the checked run is meaningful.
                : List.of(Map.of());
        for (Map<String, String> env : runs) {
            Path results = autograder.resolve("results");
            FileTrees.delete(results);
            int code = runAutograder(env);
            String transcript = env + "\n" + Files.readString(tmp.resolve("run.log"));
            assertThat(code).as(transcript).isZero();
            Zoo.assertContained(course, before, results, transcript);
            String reports = Zoo.reportsText(results);
            if (env.isEmpty()) {
                assertThat(reports).as(transcript).contains("the code breaks the rules that graded code must follow")
                        .doesNotContain(Zoo.MARKER);
            } else {
                assertThat(reports).as(transcript).contains("KVLAB-ZOO-hidden ",
                        "the fork's result channel was written by something other than the test runner (line ");
            }
        }
    }
}
