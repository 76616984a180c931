package kvlab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import kvlab.grader.fixtures.hangs.QuickFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hang costs a run bounded time: the rest of a class that hung gets a short limit, then is not run,
 * and a used-up budget stops the running test and leaves the rest not run, each with the reason.
 */
class BudgetTest {
    private static final long SEED = 7;
    private static List<GradedTest> tests;
    private static List<Path> classpath;
    private static Path testClasses;

    @BeforeAll
    static void discover() throws Exception {
        testClasses = Path.of(QuickFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        tests = Discovery.discover(spec(Duration.ofSeconds(30)), testClasses, "kvlab.grader.fixtures.hangs",
                Set.of("fixture"));
        assertThat(tests).extracting(GradedTest::displayName).containsExactly("HangingClassFixture.first",
                "HangingClassFixture.second", "HangingClassFixture.third", "HangingClassFixture.fourth",
                "QuickFixture.passes");
    }

    private static ForkSpec spec(Duration classLimit) {
        return new ForkSpec(classpath, testClasses, classLimit, 64);
    }

    @Test
    void afterAHangTheRestOfTheClassGetsAShortLimitThenDoesNotRun() {
        Duration classLimit = Duration.ofSeconds(4);
        List<TestOutcome> outcomes = TestRunner.run(spec(classLimit), tests, SEED, TestRunner.Progress.SILENT);

        assertThat(outcomes.get(0).message()).startsWith("exceeded the wall-clock limit of 4 s and was killed");
        assertThat(outcomes.get(1).message()).startsWith("exceeded the wall-clock limit of "
                + TestRunner.afterHangLimit(classLimit).toSeconds() + " s and was killed");
        assertThat(outcomes.subList(2, 4)).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(TestOutcome.Status.NOT_RUN);
            assertThat(o.message()).isEqualTo("not run: 2 earlier tests of this class hung, so the rest of it would"
                    + " most likely hang too");
        });
        assertThat(outcomes.get(4).passed()).isTrue();
    }

    @Test
    void aUsedUpBudgetStopsTheRunningTestAndLeavesTheRestNotRun() {
        Budget budget = Budget.startingNow(Duration.ofSeconds(3), "part x used up its wall-clock budget of 3 s");
        List<TestOutcome> outcomes = TestRunner.run(spec(Duration.ofSeconds(60)), tests, SEED,
                TestRunner.Progress.SILENT, budget);

        assertThat(outcomes.get(0).status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(outcomes.get(0).message()).isEqualTo("stopped: part x used up its wall-clock budget of 3 s");
        assertThat(outcomes.subList(1, 5)).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(TestOutcome.Status.NOT_RUN);
            assertThat(o.message()).isEqualTo("not run: part x used up its wall-clock budget of 3 s");
        });
    }

    @Test
    void theEarliestOfTwoBudgetsBinds() {
        Budget part = Budget.startingNow(Duration.ofMinutes(5), "part");
        Budget run = Budget.startingNow(Duration.ofSeconds(1), "run");
        assertThat(part.earliest(run)).isSameAs(run);
        assertThat(run.earliest(part)).isSameAs(run);
        assertThat(Budget.UNLIMITED.earliest(part)).isSameAs(part);
        assertThat(Budget.UNLIMITED.usedUp()).isFalse();
    }
}
