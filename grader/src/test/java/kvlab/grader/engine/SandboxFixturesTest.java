package kvlab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import kvlab.grader.FileTrees;
import kvlab.grader.fixtures.hostile.FloodFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the sandbox fixtures (kvlab.grader.fixtures.sandbox) through discovery and the fork runner:
 * forged, replayed and garbage event lines end their fork as tampered without a pass; a detached
 * process dies with its fork; as root, hidden files, hidden directories and the classpath are out of
 * the student's reach; exhausted direct memory and metaspace are named. All fixtures run in one
 * sequence, so "the tests after it" include other classes'.
 */
class SandboxFixturesTest {
    private static final Duration CLASS_LIMIT = Duration.ofSeconds(20);
    private static final int HEAP_MIB = 64;
    private static final String SECRET = "the answer key";
    private static final String TAMPERED_AUTHENTICATION = java.util.regex.Pattern.quote(Fork.TAMPERED)
            + " \\(line \\d+ failed authentication\\)";

    private static Path scratch;
    private static Path hiddenDir;
    private static Path hiddenOutput;
    private static Path runnerSecret;
    private static Path detachedFile;
    private static String marker;
    private static Path firstJar;
    private static long firstJarSize;
    private static Map<String, TestOutcome> outcomes;
    private static long runMillis;

    @BeforeAll
    static void runFixtures() throws Exception {
        Path testClasses = Path.of(FloodFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        firstJar = classpath.stream().filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        firstJarSize = Files.size(firstJar);
        // Under the runner's own working directory (the grader module), outside /tmp: visible unless hidden.
        Path runnerDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        scratch = Files.createDirectories(runnerDir.resolve("target").resolve("sandbox-test-" + UUID.randomUUID()));
        hiddenDir = Files.createDirectories(scratch.resolve("course"));
        Files.writeString(hiddenDir.resolve("secret.txt"), SECRET);
        hiddenOutput = Files.createDirectories(scratch.resolve("out"));
        runnerSecret = runnerDir.resolve("target").resolve("runner-secret-" + UUID.randomUUID() + ".txt");
        Files.writeString(runnerSecret, SECRET);
        // A place the detached process could write if it outlived its fork.
        Path open = Files.createDirectories(scratch.resolve("open"));
        SandboxFiles.setPermissions(open, "rwxrwxrwx");
        detachedFile = open.resolve("forged.txt");
        marker = "kvlab-detached-" + UUID.randomUUID();

        ForkSpec spec = new ForkSpec(classpath, testClasses, CLASS_LIMIT, HEAP_MIB)
                .withSystemProperty("kvlab.fixture.hiddenSecret", hiddenDir.resolve("secret.txt").toString())
                .withSystemProperty("kvlab.fixture.runnerSecret", runnerSecret.toString())
                .withSystemProperty("kvlab.fixture.hiddenOutput", hiddenOutput.toString())
                .withSystemProperty("kvlab.fixture.detachedFile", detachedFile.toString())
                .withSystemProperty("kvlab.fixture.detachedMarker", marker)
                .withSystemProperty("kvlab.fixture.module", "test-classes")
                .withHiddenPaths(List.of(hiddenDir, hiddenOutput, runnerSecret));
        List<GradedTest> tests = Discovery.discover(spec, testClasses, "kvlab.grader.fixtures.sandbox", Set.of("fixture"));
        long started = System.nanoTime();
        List<TestOutcome> results = TestRunner.run(spec, tests, 5, TestRunner.Progress.SILENT);
        runMillis = (System.nanoTime() - started) / 1_000_000;
        outcomes = new LinkedHashMap<>();
        results.forEach(o -> outcomes.put(o.test().displayName(), o));
        System.out.println("sandbox: " + Sandbox.current().describe() + "; " + results.size() + " fixtures in "
                + runMillis + " ms");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        FileTrees.delete(scratch);
        Files.deleteIfExists(runnerSecret);
    }

    private static TestOutcome outcome(String name) {
        TestOutcome outcome = outcomes.get(name);
        assertThat(outcome).as(name).isNotNull();
        return outcome;
    }

    @Test
    void forgedLinesFromAStaticInitialiserEndEachForkAsTamperedWithoutAPass() {
        for (String name : List.of("ForgeInInitializerFixture.failsHonestlyA", "ForgeInInitializerFixture.failsHonestlyB")) {
            TestOutcome forged = outcome(name);
            assertThat(forged.status()).as(name).isEqualTo(TestOutcome.Status.ERRORED);
            assertThat(forged.message()).as(name).matches(TAMPERED_AUTHENTICATION);
        }
    }

    @Test
    void aTestThatForgesItsPassAndHaltsIsTampered() {
        TestOutcome forged = outcome("ForgeAndHaltFixture.forgesThenHalts");
        assertThat(forged.status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(forged.message()).matches(TAMPERED_AUTHENTICATION);
    }

    @Test
    void garbageInTheEventsFileIsTampering() {
        TestOutcome garbage = outcome("GarbageFixture.writesGarbage");
        assertThat(garbage.status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(garbage.message()).matches(TAMPERED_AUTHENTICATION);
    }

    @Test
    void aRepeatedGenuineLineIsOutOfSequence() {
        TestOutcome replayed = outcome("ReplayFixture.repeatsAGenuineLine");
        assertThat(replayed.status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(replayed.message()).startsWith(Fork.TAMPERED + " (line ").contains(" is out of sequence")
                .containsPattern("sequence number \\d+, expected \\d+");
    }

    @Test
    void noTestPassesButThoseThatPassedHonestlyAndTheGradingGoesOn() {
        assertThat(outcomes.values().stream().filter(TestOutcome::passed).map(o -> o.test().displayName()))
                .containsExactlyInAnyOrder("DetachedProcessFixture.startsADetachedProcess",
                        "EnvironmentFixture.seesOnlyItsOwnPlace", "HonestFixture.runsAfterTheForgeries");
    }

    @Test
    void aForkRunsInAFreshPlaceWithAScrubbedEnvironment() {
        TestOutcome environment = outcome("EnvironmentFixture.seesOnlyItsOwnPlace");
        assertThat(environment.passed()).as(environment.message()).isTrue();
        try (Stream<Path> left = Files.list(Sandbox.current().root().resolve("forks"))) {
            assertThat(left).as("fork directories left behind").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDetachedProcessDiesWithItsFork() throws Exception {
        assertThat(outcome("DetachedProcessFixture.startsADetachedProcess").passed()).as("the process started").isTrue();
        assertThat(processesWith(marker)).as("processes still running with the marker").isEmpty();
        // The detached process would have written after 2 s.
        Thread.sleep(3000);
        assertThat(detachedFile).doesNotExist();
    }

    @Test
    void asRootAForkCannotTouchTheClasspathOrTheGradersFiles() throws IOException {
        assumeTrue(Sandbox.current().baseUid().isPresent(),
                "forks run as the grader's own user here (not root, or no setpriv): only the uid keeps them off");
        for (String name : List.of("SecretsFixture.deletesAJarOnItsClasspath", "SecretsFixture.replacesAJarOnItsClasspath",
                "SecretsFixture.deletesTheGradersForkMain")) {
            assertThat(outcome(name).status()).as(name).isEqualTo(TestOutcome.Status.FAILED);
            // The uid lacks the permission, and the staged classpath is mounted read-only besides.
            assertThat(outcome(name).message()).as(name).containsAnyOf("AccessDeniedException", "Read-only file system");
        }
        assertThat(Files.size(firstJar)).isEqualTo(firstJarSize);
    }

    @Test
    void asRootWithAMountNamespaceHiddenPathsAreOutOfReach() throws IOException {
        assumeTrue(Sandbox.current().baseUid().isPresent() && Sandbox.current().hasPrivateMounts(),
                "no mount namespace as root here: hidden paths are protected by file permissions alone");
        for (String name : List.of("SecretsFixture.readsTheHiddenSecret", "SecretsFixture.readsTheSecretUnderTheRunnersDirectory",
                "SecretsFixture.writesIntoTheHiddenOutputDirectory")) {
            assertThat(outcome(name).status()).as(name).isEqualTo(TestOutcome.Status.FAILED);
        }
        assertThat(Files.readString(hiddenDir.resolve("secret.txt"))).isEqualTo(SECRET);
        assertThat(Files.readString(runnerSecret)).isEqualTo(SECRET);
        try (Stream<Path> written = Files.list(hiddenOutput)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void exhaustedDirectMemoryIsNamedWithItsLimit() {
        TestOutcome direct = outcome("DirectMemoryFixture.allocatesDirectBuffersWithoutBound");
        assertThat(direct.status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(direct.message()).startsWith("JVM ran out of direct buffer memory (limit 256 MiB): ")
                .contains("direct buffer memory");
    }

    @Test
    void exhaustedMetaspaceIsNamedWithItsLimit() {
        TestOutcome metaspace = outcome("MetaspaceFixture.loadsClassesWithoutBound");
        assertThat(metaspace.status()).isEqualTo(TestOutcome.Status.ERRORED);
        assertThat(metaspace.message()).isEqualTo("JVM ran out of metaspace (limit 256 MiB; classes loaded without end?)");
    }

    private static List<Long> processesWith(String text) {
        return ProcTable.snapshot().stream().map(ProcTable.Entry::pid).filter(pid -> {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).contains(text);
            } catch (IOException e) {
                return false;
            }
        }).toList();
    }
}
