package kvlab.harness.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kvlab.codefixtures.ClassLoaderFixture;
import kvlab.codefixtures.CleanFixture;
import kvlab.codefixtures.EnvironmentFixture;
import kvlab.codefixtures.ExitFixture;
import kvlab.codefixtures.ExtendsThreadFixture;
import kvlab.codefixtures.FileOutputStreamFixture;
import kvlab.codefixtures.FilesFixture;
import kvlab.codefixtures.FinalizerFixture;
import kvlab.codefixtures.GraderFixture;
import kvlab.codefixtures.InheritedFixture;
import kvlab.codefixtures.LambdaFixture;
import kvlab.codefixtures.MathRandomFixture;
import kvlab.codefixtures.NativeFixture;
import kvlab.codefixtures.NestedFixture;
import kvlab.codefixtures.ProcessBuilderFixture;
import kvlab.codefixtures.ProcessHandleFixture;
import kvlab.codefixtures.ReflectionFixture;
import kvlab.codefixtures.SocketFixture;
import kvlab.codefixtures.StaticInitializerFixture;
import kvlab.codefixtures.ThreadStartFixture;
import kvlab.codefixtures.UnseededRandomFixture;
import kvlab.codefixtures.WallClockFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker on fixtures that each break one rule (kvlab.codefixtures): every expected violation is
 * written out in full, its line found by the {@code // violation: LABEL} marker in the fixture's source.
 */
class CodeRulesTest {
    private static final String WALL_CLOCK = "simulated code gets time only from tick()";
    private static final String RANDOMNESS = "randomness under simulation must come from the seeded streams the"
            + " harness gives (Raft: Config.random(); a node: NodeContext.random())";
    private static final String THREADS = "simulated code is single-threaded: the harness calls it, it never starts threads";
    private static final String FILES =
            "student code never touches files: a node keeps its state on its simulated disk (NodeContext.disk())";
    private static final String NETWORK = "student code never touches the network:"
            + " nodes talk only through the simulated network (NodeContext.send)";
    private static final String PROCESSES = "student code never starts, inspects or ends processes (the JVM included)";
    private static final String REFLECTION = "reflection could reach the grader's internals";
    private static final String ENVIRONMENT = "student code never reads or changes system properties or the"
            + " environment: the grader's settings live there";
    private static final String GRADER = "the grader's machinery is off limits to student code";
    private static final String CLASS_LOADING =
            "loading classes or resources by name could reach the grader's internals or hidden tests";

    private static final Path FIXTURE_SOURCES = Path.of("src/test/java/kvlab/codefixtures");

    @TempDir
    Path classes;

    @Test
    void wallClock() {
        assertThat(check(WallClockFixture.class)).containsExactly(
                at(WallClockFixture.class, "wall clock", "calls System.currentTimeMillis(): " + WALL_CLOCK));
    }

    @Test
    void wallClockIsWordedForEachModule() {
        copy(WallClockFixture.class);
        int line = line(WallClockFixture.class, "wall clock");
        assertThat(describe(CodeRules.forModule("project4-txn").check(classes))).containsExactly(
                "WallClockFixture.java:" + line + " calls System.currentTimeMillis(): simulated code gets time only"
                        + " from the simulation's virtual clock or the timestamp oracle");
        assertThat(describe(CodeRules.forModule("project1-standalone").check(classes))).containsExactly(
                "WallClockFixture.java:" + line + " calls System.currentTimeMillis(): storage code never reads the wall clock");
    }

    @Test
    void unseededRandom() {
        assertThat(check(UnseededRandomFixture.class)).containsExactly(
                at(UnseededRandomFixture.class, "unseeded random", "calls new Random(): " + RANDOMNESS));
    }

    @Test
    void mathRandom() {
        assertThat(check(MathRandomFixture.class)).containsExactly(
                at(MathRandomFixture.class, "Math.random", "calls Math.random(): " + RANDOMNESS));
    }

    @Test
    void startingAThread() {
        assertThat(check(ThreadStartFixture.class)).containsExactly(
                at(ThreadStartFixture.class, "thread start", "calls Thread.start(): " + THREADS),
                at(ThreadStartFixture.class, "thread start", "calls new Thread(Runnable): " + THREADS));
    }

    @Test
    void extendingThread() {
        assertThat(check(ExtendsThreadFixture.class)).containsExactly(
                "ExtendsThreadFixture.java:0 extends Thread: " + THREADS,
                at(ExtendsThreadFixture.class, "implicit super()", "calls new Thread(): " + THREADS));
    }

    @Test
    void writingAFileThroughJavaIo() {
        assertThat(check(FileOutputStreamFixture.class)).containsExactly(
                at(FileOutputStreamFixture.class, "open", "calls new FileOutputStream(String): " + FILES),
                at(FileOutputStreamFixture.class, "write", "calls FileOutputStream.write(byte[]): " + FILES));
    }

    @Test
    void writingAFileThroughNioFiles() {
        assertThat(check(FilesFixture.class)).containsExactly(
                at(FilesFixture.class, "path", "calls Path.of(String, String[]): " + FILES),
                at(FilesFixture.class, "write", "calls Files.writeString(Path, CharSequence, OpenOption[]): " + FILES),
                at(FilesFixture.class, "write", "creates a new OpenOption[]: " + FILES));
    }

    @Test
    void openingASocket() {
        assertThat(check(SocketFixture.class)).containsExactly(
                at(SocketFixture.class, "socket", "calls Socket.close(): " + NETWORK),
                at(SocketFixture.class, "socket", "calls new Socket(String, int): " + NETWORK));
    }

    @Test
    void startingAProcess() {
        assertThat(check(ProcessBuilderFixture.class)).containsExactly(
                at(ProcessBuilderFixture.class, "process", "calls ProcessBuilder.start(): " + PROCESSES),
                at(ProcessBuilderFixture.class, "process", "calls new ProcessBuilder(String[]): " + PROCESSES));
    }

    @Test
    void inspectingTheProcess() {
        assertThat(check(ProcessHandleFixture.class)).containsExactly(
                at(ProcessHandleFixture.class, "process handle", "calls ProcessHandle.current(): " + PROCESSES),
                at(ProcessHandleFixture.class, "process handle", "calls ProcessHandle.info(): " + PROCESSES));
    }

    @Test
    void reflection() {
        assertThat(check(ReflectionFixture.class)).containsExactly(
                at(ReflectionFixture.class, "forName", "calls Class.forName(String): " + REFLECTION),
                at(ReflectionFixture.class, "getDeclaredField", "calls Class.getDeclaredField(String): " + REFLECTION));
    }

    @Test
    void endingTheJvm() {
        assertThat(check(ExitFixture.class)).containsExactly(
                at(ExitFixture.class, "exit", "calls System.exit(int): " + PROCESSES),
                at(ExitFixture.class, "halt", "calls Runtime.getRuntime(): " + PROCESSES),
                at(ExitFixture.class, "halt", "calls Runtime.halt(int): " + PROCESSES));
    }

    @Test
    void readingTheEnvironment() {
        assertThat(check(EnvironmentFixture.class)).containsExactly(
                at(EnvironmentFixture.class, "getenv", "calls System.getenv(String): " + ENVIRONMENT));
    }

    @Test
    void nativeMethod() {
        assertThat(check(NativeFixture.class)).containsExactly(
                "NativeFixture.java:0 declares native method NativeFixture.peek(long): native code escapes every rule");
    }

    @Test
    void finalizer() {
        assertThat(check(FinalizerFixture.class)).containsExactly("FinalizerFixture.java:0 declares"
                + " FinalizerFixture.finalize(): finalizers run on the JVM's finalizer thread, at times no seed fixes");
    }

    @Test
    void staticInitializerReportsItsOwnLine() {
        assertThat(check(StaticInitializerFixture.class)).containsExactly(
                at(StaticInitializerFixture.class, "clinit", "calls System.nanoTime(): " + WALL_CLOCK));
    }

    @Test
    void lambdaBodyAndMethodReference() {
        assertThat(check(LambdaFixture.class)).containsExactly(
                at(LambdaFixture.class, "lambda", "calls System.nanoTime(): " + WALL_CLOCK),
                at(LambdaFixture.class, "method reference", "refers to System::currentTimeMillis: " + WALL_CLOCK));
    }

    @Test
    void nestedAndAnonymousClassesReportUnderTheOuterFile() {
        List<CodeViolation> violations = CodeRules.forModule("project2-raft").check(copy(NestedFixture.class));
        assertThat(violations).extracting(CodeViolation::sourcePath).containsOnly("kvlab/codefixtures/NestedFixture.java");
        assertThat(describe(violations)).containsExactly(
                at(NestedFixture.class, "nested", "calls Thread.sleep(long): " + WALL_CLOCK),
                at(NestedFixture.class, "anonymous", "calls new Random(): " + RANDOMNESS));
    }

    @Test
    void graderMachinery() {
        assertThat(check(GraderFixture.class)).containsExactly(
                at(GraderFixture.class, "graded", "uses Graded.class: " + GRADER),
                at(GraderFixture.class, "rules", "calls CodeRules.forModule(String): " + GRADER));
    }

    @Test
    void deniedMembersInheritedByACheckedClass() {
        assertThat(check(InheritedFixture.class)).containsExactly(
                at(InheritedFixture.class, "inherited parallelStream", "calls InheritedFixture.parallelStream(): " + THREADS),
                at(InheritedFixture.class, "wait", "calls Object.wait(): " + THREADS));
    }

    @Test
    void extendingClassLoader() {
        assertThat(check(ClassLoaderFixture.class)).containsExactly(
                "ClassLoaderFixture.java:0 extends ClassLoader: " + CLASS_LOADING,
                at(ClassLoaderFixture.class, "implicit super()", "calls new ClassLoader(): " + CLASS_LOADING));
    }

    @Test
    void cleanCodeKeepsEveryModulesRules() {
        copy(CleanFixture.class);
        for (String module : CodeRules.modules()) {
            assertThat(CodeRules.forModule(module).check(classes)).as(module).isEmpty();
        }
    }

    @Test
    void violationsAreSortedBySourcePathThenLine() {
        copy(WallClockFixture.class);
        copy(ExitFixture.class);
        assertThat(CodeRules.forModule("project2-raft").check(classes))
                .extracting(violation -> violation.sourcePath() + ":" + violation.line())
                .containsExactly(
                        "kvlab/codefixtures/ExitFixture.java:" + line(ExitFixture.class, "exit"),
                        "kvlab/codefixtures/ExitFixture.java:" + line(ExitFixture.class, "halt"),
                        "kvlab/codefixtures/ExitFixture.java:" + line(ExitFixture.class, "halt"),
                        "kvlab/codefixtures/WallClockFixture.java:" + line(WallClockFixture.class, "wall clock"));
    }

    @Test
    void failureMessageListsEveryViolationAndSaysTheGraderEnforcesThem() {
        copy(ExitFixture.class);
        CodeRules rules = CodeRules.forModule("project2-raft");
        assertThat(rules.failureMessage(rules.check(classes))).isEqualTo(String.join("\n",
                "project2-raft breaks 3 code rules (kvlab.harness.rules.CodeRules):",
                "  " + at(ExitFixture.class, "exit", "calls System.exit(int): " + PROCESSES),
                "  " + at(ExitFixture.class, "halt", "calls Runtime.getRuntime(): " + PROCESSES),
                "  " + at(ExitFixture.class, "halt", "calls Runtime.halt(int): " + PROCESSES),
                "The grader checks these same rules on the compiled classes before it runs any graded test."));
    }

    @Test
    void aDirectoryWithoutClassesHasNoViolations() {
        assertThat(CodeRules.forModule("project3-multiraft").check(classes)).isEmpty();
    }

    @Test
    void aCorruptClassFileIsNamed() throws IOException {
        Path broken = Files.write(classes.resolve("Broken.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1});
        assertThatThrownBy(() -> CodeRules.forModule("project2-raft").check(classes))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(broken.toString());
    }

    @Test
    void anUnknownModuleIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> CodeRules.forModule("project5-sql"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no code rules for module 'project5-sql'; known modules: project1-standalone,"
                        + " project2-raft, project3-multiraft, project4-txn");
    }

    /** The described violations of {@code fixture} (and its nested classes) under project 2's rules. */
    private List<String> check(Class<?> fixture) {
        return describe(CodeRules.forModule("project2-raft").check(copy(fixture)));
    }

    private static List<String> describe(List<CodeViolation> violations) {
        return violations.stream().map(CodeViolation::describe).toList();
    }

    /** The expected description of a violation on the line marked {@code // violation: label}. */
    private static String at(Class<?> fixture, String label, String callAndRule) {
        return fixture.getSimpleName() + ".java:" + line(fixture, label) + " " + callAndRule;
    }

    /** The line of {@code fixture}'s source that carries the marker {@code // violation: label}. */
    private static int line(Class<?> fixture, String label) {
        Path source = FIXTURE_SOURCES.resolve(fixture.getSimpleName() + ".java");
        String marker = "// violation: " + label;
        try {
            List<String> lines = Files.readAllLines(source);
            List<Integer> marked = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith(marker)) {
                    marked.add(i + 1);
                }
            }
            assertThat(marked).as("lines of %s marked '%s'", source, marker).hasSize(1);
            return marked.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the class files of {@code fixture} and its nested classes into {@link #classes}. */
    private Path copy(Class<?> fixture) {
        String name = fixture.getName().replace('.', '/');
        Path packageDir = testClasses().resolve(name).getParent();
        String simpleName = fixture.getSimpleName();
        try (Stream<Path> files = Files.list(packageDir)) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.equals(simpleName + ".class") || fileName.startsWith(simpleName + "$")) {
                    Path target = classes.resolve(name).resolveSibling(fileName);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    /** Where this module's test classes are: target/test-classes, or target-reference/test-classes. */
    private static Path testClasses() {
        try {
            return Path.of(CleanFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test classes have no file location", e);
        }
    }
}
