package kvlab.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;
import kvlab.grader.course.CourseTree;
import kvlab.grader.report.ReportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link Zoo} graded through {@code kvlab grade --submission}, twice: as shipped, where the code
 * check stops every attack before any of it runs and names each; and with the check switched off
 * ({@code KVLAB_UNSAFE_SKIP_CODE_CHECK=unsafe}), where the attacks run and the sandbox must hold
 * them: forged result lines are refused, nothing hidden can be read, nothing outside the fork can be
 * written, a detached process dies with its fork, and the endless loop costs a bounded time. And the
 * reference with nothing but a wall-clock read and an unseeded {@code Random} added to its Raft loses
 * the whole part, not the few tests that happen to notice.
 */
class ZooTest {
    private static final CourseTree COURSE = CliRun.COURSE;
    private static final int RUN_BUDGET_SECONDS = 150;

    @TempDir
    static Path tmp;
    private static Path submission;
    private static SortedMap<String, String> before;

    @BeforeAll
    static void writeTheSubmission() throws Exception {
        Files.deleteIfExists(Path.of("/tmp/kvlab-zoo-detached.txt"));
        submission = Zoo.writeSubmission(COURSE, tmp.resolve("submission"));
        before = Zoo.fingerprint(COURSE);
    }

    @Test
    void theCodeCheckStopsEveryAttackBeforeItRunsAndNamesIt() throws Exception {
        Path out = tmp.resolve("checked");
        long started = System.nanoTime();
        CliRun run = Zoo.runGrader(COURSE, Map.of(), "grade", "1", "2a", "--submission", submission.toString(),
                "--seeds", "1", "--out", out.toString());
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        Zoo.assertContained(COURSE, before, out, run.transcript());
        assertThat(ReportFiles.maxScore(out.resolve("results.json"))).as("both parts keep their full score")
                .isGreaterThan(200);
        String storage = "project1-standalone/src/main/java/kvlab/standalone/rocksdb/StandaloneStorage.java";
        String service = "project1-standalone/src/main/java/kvlab/standalone/server/RawKvService.java";
        String log = "project2-raft/src/main/java/kvlab/raft/core/RaftLog.java";
        String raft = "project2-raft/src/main/java/kvlab/raft/core/Raft.java";
        assertThat(run.out()).contains(
                "the code breaks the rules that graded code must follow, so none of this part's tests ran");
        String processes = "student code never starts, inspects or ends processes";
        String disk = "storage code touches the disk only through RocksDB";
        assertNamed(run, storage, "ProcessHandle.current().info()", processes);
        assertNamed(run, storage, "arg.endsWith(\"events.txt\")", disk);
        assertNamed(run, service, "java.nio.file.Files.walk(", disk);
        assertNamed(run, service, "new ProcessBuilder(", processes);
        assertNamed(run, log, "Runtime.getRuntime().halt(0)", processes);
        assertThat(run.out()).contains("more in " + service);
        assertNamed(run, raft, "System.currentTimeMillis()", "calls System.currentTimeMillis(): simulated code gets"
                + " time only from tick()");
        assertNamed(run, raft, "new java.util.Random()", "calls new Random(): randomness under simulation must come"
                + " from the seeded streams the harness gives");
        assertThat(run.out()).as("no test ran, so no attack did").doesNotContain(Zoo.MARKER);
        assertThat(seconds).as("nothing ran but the builds").isLessThan(RUN_BUDGET_SECONDS);
    }

    @Test
    void theWallClockInAnOtherwiseCorrectRaftCostsTheWholePart() throws Exception {
        String raft = "project2-raft/src/main/java/kvlab/raft/core/Raft.java";
        Path correct = Zoo.writeSubmission(COURSE, tmp.resolve("reference-with-a-clock"), CourseTree.SOLUTIONS,
                Map.of(raft, Zoo.ATTACKS.get(raft)));
        Path out = tmp.resolve("clock");
        CliRun run = CliRun.run(COURSE, "grade", "2a", "--submission", correct.toString(), "--seeds", "1",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(ReportFiles.score(out.resolve("results.json"))).isZero();
        assertThat(ReportFiles.maxScore(out.resolve("results.json"))).isGreaterThan(200);
        assertThat(run.out()).contains(raft + ":" + Zoo.lineOf(COURSE, CourseTree.SOLUTIONS, raft,
                        "System.currentTimeMillis()") + " calls System.currentTimeMillis(): simulated code gets time only"
                        + " from tick()")
                .contains(raft + ":" + Zoo.lineOf(COURSE, CourseTree.SOLUTIONS, raft, "new java.util.Random()")
                        + " calls new Random(): randomness under simulation must come from the seeded streams");
    }

    /** The report names the line of the attack on {@code file} that holds {@code text}, with {@code rule}. */
    private static void assertNamed(CliRun run, String file, String text, String rule) {
        assertThat(run.out()).as(run.transcript()).containsPattern(Pattern.quote(at(file, text) + " ") + ".*"
                + Pattern.quote(rule));
    }

    /** "FILE:LINE" of the first line of the attack on {@code file} that holds {@code text}. */
    private static String at(String file, String text) {
        return file + ":" + Zoo.lineOf(COURSE, file, text);
    }

    @Test
    void withoutTheCheckTheSandboxHoldsEveryAttack() throws Exception {
        assumeTrue(Zoo.sandboxHolds(), "without root or user namespaces the sandbox is a process group only and the"
                + " code check is the one layer that holds (README, Hostile code)");
        Path out = tmp.resolve("unchecked");
        long started = System.nanoTime();
        CliRun run = Zoo.runGrader(COURSE, Map.of("KVLAB_UNSAFE_SKIP_CODE_CHECK", "unsafe"), "grade", "1", "2a",
                "--submission", submission.toString(), "--seeds", "1", "--timeout", "5", "--part-budget", "30",
                "--run-budget", Integer.toString(RUN_BUDGET_SECONDS), "--out", out.toString());
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.err()).contains("the code is NOT checked against its rules");
        Zoo.assertContained(COURSE, before, out, run.transcript());
        String reports = Zoo.reportsText(out);
        // A forging fork is killed at its first forged line, so what it printed never reaches a report.
        assertThat(reports).as("the forgeries were tried and refused")
                .contains("the fork's result channel was written by something other than the test runner (line ");
        assertThat(reports).as("the attack on hidden files ran").contains("KVLAB-ZOO-hidden ");
        assertThat(reports).as("the attack on the grader and --out ran").contains("KVLAB-ZOO-out targets ")
                .doesNotContain("KVLAB-ZOO-out changed ");
        assertThat(reports).as("the endless loop is bounded").contains("exceeded the wall-clock limit of 5 s");
        assertThat(seconds).as(run.transcript()).isLessThan(RUN_BUDGET_SECONDS + 30);
    }
}
