package kvlab.grader.grading;

import kvlab.grader.engine.GradedTest;
import kvlab.harness.sim.Seeds;

/**
 * The Maven command that reruns one graded test under one seed.
 *
 * @param reference the run graded the reference solutions
 */
public record Replay(boolean reference) {
    public String command(String module, GradedTest test, long seed) {
        // Built by the harness, so that the grader prints exactly what a failing simulated test prints.
        return Seeds.replayCommand(module, test.simpleClassName(), test.methodName(), seed, reference);
    }
}
