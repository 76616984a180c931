package kvlab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Determinism} on the fixtures in kvlab.grader.fixtures.determinism, run in forks without Maven. */
class DeterminismTest {
    private static final long SEED = 7;

    private static ForkSpec spec;
    private static List<GradedTest> tests;

    @BeforeAll
    static void discoverFixtures() throws URISyntaxException {
        Path testClasses = Path.of(DeterminismTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        spec = new ForkSpec(classpath, testClasses, Duration.ofSeconds(30), 128);
        tests = Discovery.discover(spec, testClasses, "kvlab.grader.fixtures.determinism", Set.of("fixture"));
    }

    @Test
    void aTestThatReadsTheClockIsReportedAsNonDeterministic() {
        Determinism check = Determinism.check(spec, test("readsTheClock"), SEED, false);

        assertThat(check.checkable()).isTrue();
        assertThat(check.first().outcome().passed()).isTrue();
        String a = check.first().digest().orElseThrow().digest();
        String b = check.second().digest().orElseThrow().digest();
        assertThat(a).isNotEqualTo(b);
        assertThat(check.problem()).hasValue("non-deterministic: same seed gave digests " + a + " and " + b
                + " — code under simulation reads the clock, starts threads or iterates an identity-hashed collection");
    }

    @Test
    void aTestInVirtualTimeGivesTheSameDigestTwiceAndItsTrace() {
        Determinism check = Determinism.check(spec, test("staysInVirtualTime"), SEED, true);

        assertThat(check.problem()).isEmpty();
        assertThat(check.first().digest()).isPresent().isEqualTo(check.second().digest());
        assertThat(check.first().digest().orElseThrow().events()).isPositive();
        assertThat(check.first().trace()).hasValueSatisfying(text -> assertThat(text).contains("started at 0"));
        assertThat(check.second().trace()).isEmpty();
    }

    @Test
    void gradingTwiceSideBySideFailsOnlyTheTestThatReadsTheClockAndNamesTheCause() {
        List<TestOutcome> outcomes = Determinism.runTwice(spec, tests, SEED, TestRunner.Progress.SILENT, Budget.UNLIMITED);

        assertThat(outcomes).extracting(o -> o.test().methodName()).containsExactly("readsTheClock", "staysInVirtualTime");
        TestOutcome clock = outcomes.get(0);
        assertThat(clock.status()).isEqualTo(TestOutcome.Status.FAILED);
        assertThat(clock.message()).startsWith("non-deterministic: same seed gave digests ")
                .endsWith(" — code under simulation reads the clock, starts threads or iterates an identity-hashed collection");
        assertThat(outcomes.get(1).passed()).isTrue();
    }

    private static GradedTest test(String method) {
        return tests.stream().filter(t -> t.methodName().equals(method)).findFirst().orElseThrow();
    }
}
