package kvlab.grader.grading;

import kvlab.grader.engine.GradedTest;

/**
 * The Maven command that reruns one graded test under one seed.
 *
 * @param reference the run graded the reference solutions
 */
public record Replay(boolean reference) {
    public String command(String module, GradedTest test, long seed) {
        // The same command as kvlab.harness.sim.Seeds#replayCommand prints from inside a failing
        // simulated test (the grader does not load the harness); see there for each flag.
        return "mvn -pl " + module + " -am test -Dtest=" + test.simpleClassName() + "#" + test.methodName()
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dkvlab.excludedGroups=none -Dkvlab.seed=" + seed
                + (reference ? " -Preference" : "");
    }
}
