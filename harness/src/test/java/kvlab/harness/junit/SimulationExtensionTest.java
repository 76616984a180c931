package kvlab.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kvlab.harness.grading.DigestLine;
import kvlab.harness.grading.TestExport;
import kvlab.harness.sim.Seeds;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

@ExtendWith(SimulationExtension.class)
class SimulationExtensionTest {
    private final String saved = System.getProperty(Seeds.PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(Seeds.PROPERTY);
        } else {
            System.setProperty(Seeds.PROPERTY, saved);
        }
    }

    /** Fails on purpose; run only through the launcher below, which lifts {@code @Disabled}. */
    @Disabled("fixture: fails on purpose, run by SimulationExtensionTest through the launcher")
    @ExtendWith(SimulationExtension.class)
    static class FailingFixture {
        @Test
        void fails(Simulation sim) {
            sim.note("the last thing that happened");
            sim.runFor(250);
            throw new AssertionError("expected a leader");
        }
    }

    @Test
    void injectsASimulationWithTheTestsSeed(Simulation sim) {
        long expected = Seeds.seed(Seeds.defaultFor("SimulationExtensionTest#injectsASimulationWithTheTestsSeed"));
        assertThat(sim.seed()).isEqualTo(expected);
        assertThat(sim.now()).isZero();
    }

    @Test
    void failureCarriesSeedReplayCommandAndTraceTail() {
        System.clearProperty(Seeds.PROPERTY);
        long seed = Seeds.defaultFor("SimulationExtensionTest$FailingFixture#fails");
        String[] stderr = new String[1];
        Throwable failure = runFixture(stderr);

        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).startsWith("expected a leader").contains(
                "seed " + seed,
                "mvn -pl harness -am test -Dtest=SimulationExtensionTest$FailingFixture#fails"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dkvlab.excludedGroups=none -Dkvlab.seed=" + seed);
        assertThat(failure.getCause()).hasMessage("expected a leader");
        assertThat(stderr[0]).contains("failed at virtual time 250 ms", "0 - NOTE the last thing that happened",
                "trace digest");
    }

    @Test
    void seedPropertyReachesTheInjectedSimulationAndTheMessage() {
        System.setProperty(Seeds.PROPERTY, "777");
        Throwable failure = runFixture(new String[1]);
        assertThat(failure.getMessage()).contains("seed 777", "-Dkvlab.seed=777");
    }

    @Test
    void traceExportWritesTheDigestLineAndTheFullTrace(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("digests.txt");
        System.setProperty(Seeds.PROPERTY, "42");
        System.setProperty(SimulationExtension.TRACE_OUT, out.toString());
        System.setProperty(SimulationExtension.TRACE_FULL, "true");
        try {
            runFixture(new String[1]);
        } finally {
            System.clearProperty(SimulationExtension.TRACE_OUT);
            System.clearProperty(SimulationExtension.TRACE_FULL);
        }
        String id = "SimulationExtensionTest$FailingFixture#fails";
        assertThat(Files.readAllLines(out)).singleElement().extracting(DigestLine::parse).satisfies(line -> {
            assertThat(line.test()).isEqualTo(id);
            assertThat(line.seed()).isEqualTo(42);
            assertThat(line.digest()).matches("[0-9a-f]{64}");
            assertThat(line.events()).isPositive();
        });
        assertThat(Files.readString(dir.resolve("digests.txt." + id + ".trace")))
                .contains("NOTE the last thing that happened");
    }

    @Test
    void evidenceExportWritesTheJsonOfAFailingTest(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("digests.txt");
        System.setProperty(Seeds.PROPERTY, "42");
        System.setProperty(SimulationExtension.TRACE_OUT, out.toString());
        System.setProperty(SimulationExtension.TRACE_EVIDENCE, "failed");
        try {
            runFixture(new String[1]);
        } finally {
            System.clearProperty(SimulationExtension.TRACE_OUT);
            System.clearProperty(SimulationExtension.TRACE_EVIDENCE);
        }
        String id = "SimulationExtensionTest$FailingFixture#fails";
        TestExport export = TestExport.read(new StringReader(Files.readString(dir.resolve("digests.txt." + id + ".42.json"))));
        assertThat(export.test()).isEqualTo(id);
        assertThat(export.seed()).isEqualTo(42);
        assertThat(export.failed()).isTrue();
        assertThat(export.trace()).contains(new TestExport.Event(0, -1, "NOTE", "the last thing that happened", null, null));
    }

    private static Throwable runFixture(String[] stderr) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FailingFixture.class))
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create().execute(request, listener);
        } finally {
            System.setErr(original);
        }
        stderr[0] = captured.toString(StandardCharsets.UTF_8);
        List<TestExecutionSummary.Failure> failures = listener.getSummary().getFailures();
        assertThat(failures).hasSize(1);
        return failures.get(0).getException();
    }
}
