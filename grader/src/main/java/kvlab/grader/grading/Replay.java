package kvlab.grader.grading;

import kvlab.grader.engine.GradedTest;

/**
 * The Maven command that reruns one graded test under one seed.
 *
 * @param reference the run graded the reference solutions
 * @param courseProfile the tree is the instructors' repository, where the {@code course} profile
 *     leaves graded tests out of plain Maven runs unless told otherwise
 */
record Replay(boolean reference, boolean courseProfile) {
    String command(String module, GradedTest test, long seed) {
        // -am builds the harness too (it is not installed); other modules then have no such test.
        return "mvn -pl " + module + " -am test -Dtest=" + test.simpleClassName() + "#" + test.methodName()
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dkvlab.seed=" + seed
                + (reference ? " -Preference" : "")
                + (courseProfile ? " -Dkvlab.excludedGroups=none" : "");
    }
}
