package kvlab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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
 * Runs the hostile fixtures (kvlab.grader.fixtures.hostile) through discovery and the fork runner
 * directly, without Maven: each misbehaviour (endless loop in a test or in a simulated tick,
 * deadlock, System.exit, threads in simulated code, stack overflow, unbounded memory, gigabytes of
 * output, an exception from every callback) ends as a failed test with a specific reason, the tests
 * after it still run in a fresh fork, and the reports are complete. The clock is the determinism
 * check's business: see {@link DeterminismTest}.
 *
 * <p>Each fixture class runs on its own, two at a time, so that the three that hang cost about two
 * wall-clock limits rather than three.
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
    static void runFixtures() throws Exception {
        testClasses = Path.of(FloodFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        spec = new ForkSpec(classpath, testClasses, CLASS_LIMIT, HEAP_MIB);
        List<GradedTest> tests = Discovery.discover(spec, testClasses, "kvlab.grader.fixtures.hostile", Set.of("fixture"));
        Map<String, List<GradedTest>> byClass = tests.stream()
                .collect(Collectors.groupingBy(GradedTest::className, LinkedHashMap::new, Collectors.toList()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<GradedTest, TestOutcome> results = new ConcurrentHashMap<>();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (List<GradedTest> group : byClass.values()) {
                runs.add(pool.submit(() -> TestRunner.run(spec, group, SEED, TestRunner.Progress.SILENT)
                        .forEach(o -> results.put(o.test(), o))));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        inOrder = tests.stream().map(results::get).toList();
        outcomes = new LinkedHashMap<>();
        inOrder.forEach(o -> outcomes.put(o.test().displayName(), o));
    }

    @Test
    void discoveryReadsPartPointsAndOrderAndSortsByOrderThenName() {
        assertThat(inOrder).extracting(o -> o.test().displayName()).startsWith(
                "DeadlockFixture.deadlocks",
                "ExitFixture.callsSystemExit",
                "FloodFixture.printsAFlood",
                "InfiniteLoopFixture.spinsForever",
                "OutOfMemoryFixture.allocatesWithoutBound",
                "StackOverflowFixture.recursesWithoutEnd",
                "ThreadFixture.startsAThread",
                "ThrowFixture.throwsAnException",
                "TickLoopFixture.spinsInTick",
                "DeadlockFixture.runsAfterTheDeadlock");
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
        assertThat(loop.message()).startsWith("exceeded the wall-clock limit of " + CLASS_LIMIT.toSeconds()
                + " s and was killed; the test thread was at "
                + "kvlab.grader.fixtures.hostile.InfiniteLoopFixture.spinsForever(InfiniteLoopFixture.java:");
        // Killed only once its class used the whole budget: never early.
        assertThat(loop.wallMillis()).isGreaterThanOrEqualTo(CLASS_LIMIT.toMillis());
        assertThat(loop.output()).contains("Full thread dump");
    }

    @Test
    void anEndlessTickIsKilledWithTheTickNamed() {
        TestOutcome tick = outcomes.get("TickLoopFixture.spinsInTick");
        assertThat(tick.status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(tick.message()).startsWith("exceeded the wall-clock limit of " + CLASS_LIMIT.toSeconds()
                + " s and was killed; the test thread was at kvlab.grader.fixtures.hostile.TickLoopFixture$1.onTick(");
    }

    @Test
    void aDeadlockIsKilledAndNamedWithItsThreads() {
        TestOutcome deadlock = outcomes.get("DeadlockFixture.deadlocks");
        assertThat(deadlock.status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(deadlock.message()).startsWith("exceeded the wall-clock limit of " + CLASS_LIMIT.toSeconds()
                + " s and was killed; deadlock: threads ").contains("\"main\"", "\"fixture-helper\"")
                .endsWith(" each wait for a lock another holds");
    }

    @Test
    void simulatedCodeThatStartsAThreadFailsWithThatReason() {
        TestOutcome thread = outcomes.get("ThreadFixture.startsAThread");
        assertThat(thread.status()).isEqualTo(TestOutcome.Status.FAILED);
        assertThat(thread.message()).startsWith("code under simulation started 1 thread: simulated code must be"
                + " single-threaded").contains("seed 99; replay: ");
        assertThat(outcomes.get("ThreadFixture.runsAfterTheThread").passed()).isTrue();
    }

    @Test
    void aStackOverflowNamesTheRecursion() {
        TestOutcome overflow = outcomes.get("StackOverflowFixture.recursesWithoutEnd");
        assertThat(overflow.status()).isEqualTo(TestOutcome.Status.FAILED);
        assertThat(overflow.message()).startsWith("stack overflow (unbounded recursion?) at "
                + "kvlab.grader.fixtures.hostile.StackOverflowFixture.recurse(StackOverflowFixture.java:");
        assertThat(overflow.details().lines()).hasSizeLessThanOrEqualTo(41);
    }

    @Test
    void anExceptionFromEveryCallbackFailsItsTestWithTheException() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("StaticInitializer.test", "java.lang.IllegalStateException: boom in a static initializer");
        expected.put("BeforeAllCallback.test", "test class failed: java.lang.IllegalStateException: boom in @BeforeAll");
        expected.put("BeforeEachCallback.test", "java.lang.IllegalStateException: boom in @BeforeEach");
        expected.put("AfterEachCallback.test", "java.lang.IllegalStateException: boom in @AfterEach");
        expected.put("AfterAllCallback.test", "test class failed: java.lang.IllegalStateException: boom in @AfterAll");
        // The harness adds the seed and the replay command to a simulated test's failure.
        expected.put("SimulationCallbacks.nodeFactory", "boom in NodeFactory.create\n  seed 99; replay: ");
        expected.put("SimulationCallbacks.onTick", "boom in onTick\n  seed 99; replay: ");
        expected.put("SimulationCallbacks.onMessage", "boom in onMessage\n  seed 99; replay: ");
        expected.put("SimulationCallbacks.scheduledEvent", "boom in a scheduled event\n  seed 99; replay: ");
        expected.forEach((name, message) -> {
            TestOutcome outcome = outcomes.get("CallbackFixtures$" + name);
            assertThat(outcome).as(name).isNotNull();
            assertThat(outcome.status()).as(name).isEqualTo(TestOutcome.Status.FAILED);
            assertThat(outcome.message()).as(name).startsWith(message);
        });
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
        assertThat(flood.wallMillis()).isLessThan(CLASS_LIMIT.toMillis());
    }

    @Test
    void theTestsAfterEachMisbehaviourStillRunAndPass() {
        assertThat(inOrder.stream().filter(o -> o.test().methodName().startsWith("runsAfter")))
                .hasSize(8).allSatisfy(o -> assertThat(o.status()).isEqualTo(TestOutcome.Status.PASSED));
    }

    @Test
    void onlyTestsThatReadTheSeedCountAsSeeded() {
        assertThat(outcomes.get("ThreadFixture.runsAfterTheThread").seeded()).as("took a Simulation").isTrue();
        assertThat(outcomes.get("ThrowFixture.runsAfterTheThrow").seeded()).as("never read kvlab.seed").isFalse();
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
                "JVM ran out of memory", "boom from the fixture", "deadlock: threads", "stack overflow",
                "code under simulation started 1 thread", "boom in @AfterAll");
        // Passed: the flood and the eight tests that run after a misbehaviour; 27 points in 26 tests.
        assertThat(ReportFiles.score(out.resolve("results.json"))).isEqualTo(9);
        assertThat(ReportFiles.maxScore(out.resolve("results.json"))).isEqualTo(27);
        ReportFiles.assertClassroom(out.resolve("classroom.json"), "fail");
        // Errors: the JVM died (exit, out of memory) or was killed (loop, tick loop, deadlock).
        ReportFiles.assertJUnit(out.resolve("junit/TEST-kvlab-part-fixture.xml"), 26, 12, 5);
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
