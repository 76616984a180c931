package kvlab.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kvlab.harness.rules.CodeRules;
import kvlab.harness.rules.CodeViolation;
import kvlab.standalone.server.KvPair;
import org.junit.jupiter.api.Test;

/**
 * Every compiled class of this module, yours and the provided ones, keeps the course's code rules
 * ({@link CodeRules}): what the code may call, and why the rest is off limits. Not graded; the grader
 * checks the same rules before it runs any graded test.
 */
class CodeRulesTest {
    @Test
    void everyClassKeepsTheCodeRules() {
        CodeRules rules = CodeRules.forModule("project1-standalone");
        List<CodeViolation> violations = rules.check(CodeRules.classesDirOf(KvPair.class));
        assertThat(violations).withFailMessage(() -> rules.failureMessage(violations)).isEmpty();
    }
}
