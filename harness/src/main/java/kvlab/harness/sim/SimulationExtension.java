package kvlab.harness.sim;

import kvlab.harness.trace.TraceEvent;
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
 */
public final class SimulationExtension implements ParameterResolver, TestExecutionExceptionHandler {
    /** How many trace events a failure prints. */
    public static final int TRACE_TAIL = 50;

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SimulationExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Simulation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(
                "simulation", key -> new Simulation(Seeds.seed(Seeds.defaultFor(testId(context)))), Simulation.class);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Simulation sim = context.getStore(NAMESPACE).get("simulation", Simulation.class);
        if (sim == null) {
            throw failure;
        }
        System.err.println(traceTail(sim, testId(context)));
        String command = Seeds.replayCommand(Seeds.currentModule(), testClassName(context),
                context.getRequiredTestMethod().getName(), sim.seed(),
                Seeds.isReferenceBuild(context.getRequiredTestClass()));
        throw new AssertionError(replayMessage(failure, sim.seed(), command), failure);
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
