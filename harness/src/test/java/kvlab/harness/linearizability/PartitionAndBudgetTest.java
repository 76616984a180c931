package kvlab.harness.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kvlab.harness.linearizability.CheckResult.Outcome;
import kvlab.harness.linearizability.History.Handle;
import org.junit.jupiter.api.Test;

/** Keys are judged separately; the step budget turns a long search into UNKNOWN; results repeat. */
class PartitionAndBudgetTest {

    private static void put(History h, long t, String key, String value) {
        h.ok(h.invokePut(1, t, key, value), t + 1);
    }

    private static void get(History h, long t, String key, String found) {
        h.ok(h.invokeGet(2, t, key), t + 1, found);
    }

    @Test
    void anIllegalKeyIsNamedWhileTheOthersAreFine() {
        History h = new History();
        put(h, 0, "a", "1");
        put(h, 2, "b", "1");
        put(h, 4, "c", "1");
        get(h, 6, "a", "1");
        get(h, 8, "b", "2");
        get(h, 10, "c", "1");
        CheckResult result = LinearizabilityChecker.check(h);
        assertThat(result).isInstanceOf(CheckResult.Illegal.class);
        CheckResult.Illegal illegal = (CheckResult.Illegal) result;
        assertThat(illegal.violation().key()).isEqualTo("b");
        assertThat(illegal.otherIllegalKeys()).isEmpty();
        assertThat(result.describe()).contains("key \"b\"").doesNotContain("key \"a\"");
    }

    @Test
    void aWriteToOneKeyIsNotVisibleOnAnother() {
        History h = new History();
        put(h, 0, "a", "1");
        get(h, 2, "a", "1");
        get(h, 4, "b", "1");
        CheckResult.Illegal illegal = (CheckResult.Illegal) LinearizabilityChecker.check(h);
        assertThat(illegal.violation().key()).isEqualTo("b");
        assertThat(illegal.violation().neverWritten()).isTrue();
    }

    @Test
    void theKeyWhoseAnomalyCameFirstIsReportedAndTheOthersListed() {
        History h = new History();
        put(h, 0, "late", "1");
        put(h, 2, "early", "1");
        get(h, 4, "early", "2");
        get(h, 6, "late", "2");
        CheckResult.Illegal illegal = (CheckResult.Illegal) LinearizabilityChecker.check(h);
        assertThat(illegal.violation().key()).isEqualTo("early");
        assertThat(illegal.otherIllegalKeys()).containsExactly("late");
        assertThat(illegal.describe()).contains("Also not linearizable: \"late\"");
    }

    /** Concurrent appends that a final read sees in reverse order: legal, but found only by search. */
    private static History reversedAppends(int n) {
        History h = new History();
        List<Handle> appends = new ArrayList<>();
        StringBuilder reversed = new StringBuilder();
        for (int i = 0; i < n; i++) {
            appends.add(h.invokeAppend(i, i, "k", Character.toString('a' + i)));
            reversed.insert(0, (char) ('a' + i));
        }
        for (Handle a : appends) {
            h.ok(a, 100);
        }
        put(h, 200, "other", "v");
        get(h, 300, "k", reversed.toString());
        return h;
    }

    @Test
    void aTinyBudgetGivesUnknownInsteadOfAnAnswer() {
        History h = reversedAppends(8);
        CheckResult small = LinearizabilityChecker.check(h, CheckOptions.defaults().withMaxStepsPerKey(100));
        assertThat(small).isInstanceOf(CheckResult.Unknown.class);
        assertThat(((CheckResult.Unknown) small).keys()).containsExactly("k");
        assertThat(small.steps()).isBetween(100L, 102L);
        assertThat(small.describe()).contains("\"k\"").contains("100 steps");
        assertThat(LinearizabilityChecker.check(h).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void aBigAmbiguousHistoryStopsAtTheBudget() {
        CheckResult result = LinearizabilityChecker.check(reversedAppends(16),
                CheckOptions.defaults().withMaxStepsPerKey(20_000));
        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(result.steps()).isBetween(20_000L, 20_002L);
    }

    @Test
    void anIllegalKeyOutranksAnUnknownOne() {
        History h = reversedAppends(8);
        put(h, 400, "z", "1");
        get(h, 402, "z", "0");
        CheckResult result = LinearizabilityChecker.check(h, CheckOptions.defaults().withMaxStepsPerKey(100));
        assertThat(result.outcome()).isEqualTo(Outcome.ILLEGAL);
        assertThat(((CheckResult.Illegal) result).violation().key()).isEqualTo("z");
    }

    @Test
    void theSameHistoryGivesTheSameResultReportAndSteps() {
        History h = KvHistoryGenerator.generate(7, 2_000, 3, 6);
        History broken = h.withOutput(firstGetReturningAValue(h), "never-written");
        CheckResult first = LinearizabilityChecker.check(broken);
        CheckResult second = LinearizabilityChecker.check(broken);
        assertThat(first.outcome()).isEqualTo(Outcome.ILLEGAL);
        assertThat(second).isEqualTo(first);
        assertThat(second.describe()).isEqualTo(first.describe());
    }

    private static int firstGetReturningAValue(History h) {
        return h.ops().stream().filter(op -> op.kind() == KvOp.Kind.GET && op.output() != null)
                .findFirst().orElseThrow().id();
    }
}
