package kvlab.harness.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import kvlab.harness.grading.DigestLine;
import kvlab.harness.grading.KvlabProperties;
import kvlab.harness.sim.Seeds;
import kvlab.harness.sim.Simulation;
import kvlab.harness.trace.TraceEvent;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * JUnit 5 extension that gives a test its {@link Simulation} and, when the test fails, says how to
 * replay it.
 *
 * <p>Use: annotate the test class with {@code @ExtendWith(SimulationExtension.class)} and declare a
 * {@code Simulation} parameter on the test method. The extension creates the simulation with
 * {@link Seeds#seed(long) Seeds.seed}({@link Seeds#defaultFor Seeds.defaultFor("Class#method")}):
 * a stable per-test default, overridden by {@code -Dkvlab.seed=N}. Tests that build their own
 * simulations are not covered: the extension only knows the one it injected.
 *
 * <p>When the test throws, the extension rethrows an {@link AssertionError} whose message is the
 * original message followed by the seed and the exact replay command
 * ({@code mvn -pl MODULE test -Dtest=Class#method -Dkvlab.seed=N}), with the original as its cause,
 * and prints the last {@value #TRACE_TAIL} trace events to standard error.
 *
 * <p>Trace export, for the grader's {@code replay} and {@code --check-determinism}: when the system
 * property {@value #TRACE_OUT} names a file, after every test that received a simulation (passed or
 * failed) the extension appends one line to that file, a {@link DigestLine} as JSON; when
 * {@value #TRACE_FULL} is also {@code true}, it writes the full trace text to
 * {@code FILE.Class#method.trace}; when {@value #TRACE_EVIDENCE} is {@code failed} (only failing tests) or
 * {@code all}, it writes the test's trace, client history and checker verdict as JSON to
 * {@code FILE.Class#method.SEED.json} (format: {@link kvlab.harness.grading.TestExport}), for the grader's HTML report (one
 * file per seed: runs of a test under several seeds may share the export).
 *
 * <p>Threads: a test that received a simulation fails if any thread was started between the
 * simulation's creation and the end of the test, because code under simulation must be single-
 * threaded (see {@link kvlab.harness.cluster.SimNode}) for a seed to fix what happens. The extension compares the JVM's
 * count of threads ever started ({@link ThreadMXBean#getTotalStartedThreadCount()}), which is exact
 * and deterministic where a look at live threads is not: a thread that started and already ended
 * still counts, and the JVM's own compiler and GC threads never do. Nothing else starts threads in
 * a test JVM while a test runs, so a difference is the test's doing. Reading the wall clock cannot be
 * seen this way; the grader's determinism check (the same seed twice, digests compared) catches it
 * whenever it changes what happens.
 */
public final class SimulationExtension
        implements ParameterResolver, TestExecutionExceptionHandler, AfterEachCallback {
    /** System property naming the file that collects one digest line per simulated test. */
    public static final String TRACE_OUT = KvlabProperties.TRACE_OUT;
    /** System property that, when {@code true}, also writes each simulated test's full trace. */
    public static final String TRACE_FULL = KvlabProperties.TRACE_FULL;

    /** System property: {@code failed} or {@code all} writes the JSON export of those tests (see the class comment). */
    public static final String TRACE_EVIDENCE = KvlabProperties.TRACE_EVIDENCE;

    /** How many trace events a failure prints. */
    public static final int TRACE_TAIL = 50;

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SimulationExtension.class);
    private static final String THREADS_STARTED = "threadsStarted";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Simulation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.getOrComputeIfAbsent(THREADS_STARTED, key -> THREADS.getTotalStartedThreadCount(), Long.class);
        return store.getOrComputeIfAbsent(
                "simulation", key -> new Simulation(Seeds.seed(Seeds.defaultFor(testId(context)))), Simulation.class);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Simulation sim = context.getStore(NAMESPACE).get("simulation", Simulation.class);
        if (sim == null) {
            throw failure;
        }
        System.err.println(traceTail(sim, testId(context)));
        throw new AssertionError(replayMessage(failure, sim.seed(), replayCommand(context, sim)), failure);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Simulation sim = context.getStore(NAMESPACE).get("simulation", Simulation.class);
        if (sim == null) {
            return;
        }
        exportTrace(sim, context);
        long started = THREADS.getTotalStartedThreadCount() - context.getStore(NAMESPACE).get(THREADS_STARTED, Long.class);
        if (started > 0) {
            throw new AssertionError(threadsMessage(started) + "\n  seed " + sim.seed() + "; replay: "
                    + replayCommand(context, sim));
        }
    }

    private static String replayCommand(ExtensionContext context, Simulation sim) {
        return Seeds.replayCommand(Seeds.currentModule(), testClassName(context),
                context.getRequiredTestMethod().getName(), sim.seed(),
                Seeds.isReferenceBuild(context.getRequiredTestClass()));
    }

    /** The failure of a simulated test that started threads. */
    static String threadsMessage(long started) {
        return "code under simulation started " + started + (started == 1 ? " thread" : " threads")
                + ": simulated code must be single-threaded (no Thread, executor, parallel stream or timer),"
                + " or its seed cannot fix what happens";
    }

    private static void exportTrace(Simulation sim, ExtensionContext context) {
        String out = System.getProperty(TRACE_OUT);
        if (out == null || out.isBlank()) {
            return;
        }
        String testId = testId(context);
        String line = digestLine(testId, sim) + "\n";
        try {
            Files.writeString(Path.of(out), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (Boolean.getBoolean(TRACE_FULL)) {
                Files.writeString(Path.of(out + "." + testId + ".trace"), sim.trace().text(), StandardCharsets.UTF_8);
            }
            boolean failed = context.getExecutionException().isPresent();
            String evidence = System.getProperty(TRACE_EVIDENCE, "");
            if (evidence.equals("all") || (failed && evidence.equals("failed"))) {
                TraceExport.write(Path.of(out + "." + testId + "." + sim.seed() + ".json"), testId, sim, failed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace export to " + out, e);
        }
    }

    /** The export line of one test: a {@link DigestLine} as JSON. */
    static String digestLine(String testId, Simulation sim) {
        return new DigestLine(testId, sim.seed(), sim.trace().digest(), sim.trace().size()).json();
    }

    /** The message of the rethrown error: the original message, the seed and the replay command. */
    static String replayMessage(Throwable failure, long seed, String command) {
        String original = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return original + "\n  seed " + seed + "; replay: " + command;
    }

    private static String traceTail(Simulation sim, String testId) {
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(testId).append(" failed at virtual time ").append(sim.now())
                .append(" ms, seed ").append(sim.seed()).append("; last trace events of ")
                .append(sim.trace().size()).append(" ---\n");
        for (TraceEvent e : sim.trace().last(TRACE_TAIL)) {
            sb.append(e.line()).append('\n');
        }
        return sb.append("--- trace digest ").append(sim.trace().digest()).append(" ---").toString();
    }

    private static String testId(ExtensionContext context) {
        return testClassName(context) + "#" + context.getRequiredTestMethod().getName();
    }

    /** The class name as surefire's {@code -Dtest} expects it: without the package, nested as Outer$Inner. */
    private static String testClassName(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
