package kvlab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kvlab.grader.GradingException;
import kvlab.grader.fixtures.hostile.FloodFixture;
import kvlab.grader.report.GradeReport;
import kvlab.grader.report.PartResult;
import kvlab.grader.report.ReportFiles;
import kvlab.grader.report.Reports;
import kvlab.grader.report.TestResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the hostile fixtures (kvlab.grader.fixtures) through discovery and the fork runner directly,
 * without Maven: each misbehaviour ends as a failed test with a clear reason, the tests after it
 * still run in a fresh fork, and the reports are complete.
 */
class HostileFixturesTest {
    /** Generous enough that JVM start-up and the flood never hit it on a loaded 2-core machine. */
    private static final Duration CLASS_LIMIT = Duration.ofSeconds(10);
    private static final int HEAP_MIB = 64;
    private static final long SEED = 99;

    private static ForkSpec spec;
    private static Path testClasses;
    private static Map<String, TestOutcome> outcomes;
    private static List<TestOutcome> inOrder;

    @BeforeAll
    static void runFixtures() throws URISyntaxException {
        testClasses = Path.of(FloodFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        spec = new ForkSpec(classpath, testClasses, CLASS_LIMIT, HEAP_MIB);
        List<GradedTest> tests = Discovery.discover(spec, testClasses, "kvlab.grader.fixtures.hostile", Set.of("fixture"));
        inOrder = TestRunner.run(spec, tests, SEED, new TestRunner.Progress() {
            @Override
            public void started(GradedTest test, int index, int total) {
            }

            @Override
            public void finished(TestOutcome outcome, int index, int total) {
            }
        });
        outcomes = new LinkedHashMap<>();
        inOrder.forEach(o -> outcomes.put(o.test().displayName(), o));
    }

    @Test
    void discoveryReadsPartPointsAndOrderAndSortsByOrderThenName() {
        assertThat(inOrder).extracting(o -> o.test().displayName()).containsExactly(
                "ExitFixture.callsSystemExit",
                "FloodFixture.printsAFlood",
                "InfiniteLoopFixture.spinsForever",
                "OutOfMemoryFixture.allocatesWithoutBound",
                "ThrowFixture.throwsAnException",
                "ExitFixture.runsAfterTheExit",
                "InfiniteLoopFixture.runsAfterTheLoop",
                "OutOfMemoryFixture.runsAfterTheOutOfMemory",
                "ThrowFixture.runsAfterTheThrow");
        GradedTest loop = outcomes.get("InfiniteLoopFixture.spinsForever").test();
        assertThat(loop.part()).isEqualTo("fixture");
        assertThat(loop.points()).isEqualTo(2);
        assertThat(loop.className()).isEqualTo("kvlab.grader.fixtures.hostile.InfiniteLoopFixture");
        assertThat(outcomes.get("ThrowFixture.runsAfterTheThrow").test().parameterTypes()).isEqualTo("java.nio.file.Path");
    }

    @Test
    void anInfiniteLoopIsKilledAtTheWallClockLimit() {
        TestOutcome loop = outcomes.get("InfiniteLoopFixture.spinsForever");
        assertThat(loop.status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(loop.message()).isEqualTo("exceeded the wall-clock limit of " + CLASS_LIMIT.toSeconds() + " s and was killed");
        // Killed only once its class used the whole budget: never early.
        assertThat(loop.wallMillis()).isGreaterThanOrEqualTo(CLASS_LIMIT.toMillis());
    }

    @Test
    void systemExitIsNamedWithItsStatus() {
        TestOutcome exit = outcomes.get("ExitFixture.callsSystemExit");
        assertThat(exit.status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(exit.message()).isEqualTo("called System.exit(3)");
    }

    @Test
    void runningOutOfMemoryIsNamedWithTheHeapLimit() {
        TestOutcome oom = outcomes.get("OutOfMemoryFixture.allocatesWithoutBound");
        assertThat(oom.status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(oom.message()).isEqualTo("JVM ran out of memory (heap limit 64 MiB): Java heap space");
    }

    @Test
    void aThrowingTestFailsWithItsExceptionMessage() {
        TestOutcome thrown = outcomes.get("ThrowFixture.throwsAnException");
        assertThat(thrown.status()).isEqualTo(TestOutcome.Status.FAILED);
        assertThat(thrown.message()).isEqualTo("java.lang.IllegalStateException: boom from the fixture");
        assertThat(thrown.details()).contains("at kvlab.grader.fixtures.hostile.ThrowFixture.throwsAnException");
    }

    @Test
    void aFloodOfOutputIsBoundedAndTheTestStillPasses() {
        TestOutcome flood = outcomes.get("FloodFixture.printsAFlood");
        assertThat(flood.status()).isEqualTo(TestOutcome.Status.PASSED);
        assertThat(flood.output().length()).isLessThan(70 * 1024);
        assertThat(flood.output()).endsWith("[output truncated: " + (FloodFixture.FLOOD - 64 * 1024)
                + " bytes dropped]\n");
    }

    @Test
    void theTestsAfterEachMisbehaviourStillRunAndPass() {
        assertThat(inOrder.subList(5, inOrder.size())).allSatisfy(o -> {
            assertThat(o.test().methodName()).startsWith("runsAfter");
            assertThat(o.status()).isEqualTo(TestOutcome.Status.PASSED);
        });
    }

    @Test
    void theReportsListEveryTestWithItsReason(@TempDir Path out) throws Exception {
        List<TestResult> results = new ArrayList<>();
        inOrder.forEach(o -> results.add(new TestResult(o, SEED, 1, "replay " + o.test().methodName())));
        GradeReport report = new GradeReport("fixtures", List.of(SEED),
                List.of(new PartResult("fixture", "grader", results, "")), List.of(), 1234);
        Reports.write(report, out);

        String gradescope = Files.readString(out.resolve("results.json"));
        for (TestOutcome o : inOrder) {
            assertThat(gradescope).contains(o.test().displayName());
        }
        assertThat(gradescope).contains("called System.exit(3)", "exceeded the wall-clock limit of " + CLASS_LIMIT.toSeconds() + " s",
                "JVM ran out of memory", "boom from the fixture");
        assertThat(ReportFiles.score(out.resolve("results.json"))).isEqualTo(5);
        assertThat(ReportFiles.maxScore(out.resolve("results.json"))).isEqualTo(10);
        ReportFiles.assertJUnit(out.resolve("junit/TEST-kvlab-part-fixture.xml"), 9, 1, 3);
    }

    @Test
    void invalidGradedTestsAreRejectedWithEveryProblemNamed() {
        assertThatThrownBy(() -> Discovery.discover(spec, testClasses, "kvlab.grader.fixtures.invalid", Set.of("fixture")))
                .isInstanceOf(GradingException.class)
                .hasMessageContaining("InvalidFixture#unknownPart: unknown part '9z' (valid: fixture)")
                .hasMessageContaining("InvalidFixture#noPoints: points must be positive, not 0")
                .hasMessageContaining("InvalidFixture#taggedWithoutGraded: tagged graded without @Graded");
    }
}
