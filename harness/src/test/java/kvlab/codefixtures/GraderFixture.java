package kvlab.codefixtures;

import kvlab.harness.grading.Graded;
import kvlab.harness.rules.CodeRules;

/** Reaches into the grader's machinery (the grader itself is not on the harness's class path). */
public final class GraderFixture {
    Object annotation() {
        return Graded.class; // violation: graded
    }

    Object rules() {
        return CodeRules.forModule("project2-raft"); // violation: rules
    }
}
