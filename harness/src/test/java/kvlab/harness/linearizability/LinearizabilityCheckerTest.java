package kvlab.harness.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import kvlab.harness.linearizability.CheckResult.Outcome;
import kvlab.harness.linearizability.History.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-written histories with a known verdict. Each history is written as a timeline: events appear in
 * the order they happen, and {@code [a, b]} in a comment is an operation's invoke and return time.
 */
class LinearizabilityCheckerTest {

    private final History h = new History();

    private Outcome outcome() {
        return LinearizabilityChecker.check(h).outcome();
    }

    private Violation violation() {
        CheckResult result = LinearizabilityChecker.check(h);
        assertThat(result).as(result.describe()).isInstanceOf(CheckResult.Illegal.class);
        return ((CheckResult.Illegal) result).violation();
    }

    private void put(int client, long from, long to, String key, String value) {
        h.ok(h.invokePut(client, from, key, value), to);
    }

    private void get(int client, long from, long to, String key, String found) {
        h.ok(h.invokeGet(client, from, key), to, found);
    }

    @Test
    void emptyHistoryIsLinearizable() {
        CheckResult result = LinearizabilityChecker.check(h);
        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.describe()).contains("0 operations");
    }

    @Test
    void sequentialHistoryIsLinearizable() {
        get(1, 0, 1, "k", null);
        put(1, 2, 3, "k", "x");
        get(2, 4, 5, "k", "x");
        put(2, 6, 7, "k", "y");
        get(1, 8, 9, "k", "y");
        assertThat(outcome()).isEqualTo(Outcome.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "y"})
    void aReadAfterTwoOverlappingPutsMaySeeEither(String seen) {
        Handle x = h.invokePut(1, 0, "k", "x"); // [0, 10]
        Handle y = h.invokePut(2, 2, "k", "y"); // [2, 12]
        h.ok(x, 10);
        h.ok(y, 12);
        get(3, 20, 21, "k", seen);
        get(3, 22, 23, "k", seen);
        assertThat(outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void readsOfOverlappingPutsMustAgreeOnOneOrder() {
        Handle x = h.invokePut(1, 0, "k", "x"); // [0, 10]
        Handle y = h.invokePut(2, 2, "k", "y"); // [2, 12]
        h.ok(x, 10);
        h.ok(y, 12);
        get(3, 20, 21, "k", "y");
        get(4, 22, 23, "k", "x");
        Violation v = violation();
        assertThat(v.unplaced().output()).isEqualTo("x");
        assertThat(v.valuesBefore()).containsExactly("y");
    }

    @Test
    void aReadConcurrentWithAPutMaySeeTheOldOrTheNewValue() {
        put(1, 0, 1, "k", "old");
        Handle write = h.invokePut(1, 2, "k", "new"); // [2, 30]
        get(2, 3, 4, "k", "old");
        get(3, 5, 6, "k", "new");
        get(2, 7, 8, "k", "new");
        h.ok(write, 30);
        assertThat(outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void readsMustNotGoBackInTimeWhileAPutIsInFlight() {
        put(1, 0, 1, "k", "old");
        Handle write = h.invokePut(1, 2, "k", "new"); // [2, 30]
        get(2, 3, 4, "k", "new");
        get(3, 5, 6, "k", "old"); // invoked after a read saw "new" and returned
        h.ok(write, 30);
        Violation v = violation();
        assertThat(v.unplaced().clientId()).isEqualTo(3);
        assertThat(v.valuesBefore()).containsExactly("new");
        assertThat(v.absentBefore()).isFalse();
    }

    @Test
    void staleReadIsIllegalAndTheReportSaysWhy() {
        put(1, 0, 10, "k", "x");
        put(2, 20, 30, "k", "y");
        get(3, 40, 50, "k", "x");
        CheckResult result = LinearizabilityChecker.check(h);
        assertThat(result.outcome()).isEqualTo(Outcome.ILLEGAL);
        assertThat(result.describe())
                .contains("key \"k\"")
                .contains("ends at t=50")
                .contains("client 3")
                .contains("get(\"k\") returned \"x\", but every order of the operations before it")
                .contains("leaves the key \"y\"")
                .contains("put(\"k\", \"y\")")
                .contains("[40, 50]");
    }

    @Test
    void lostWriteIsIllegal() {
        put(1, 0, 10, "k", "x");
        get(2, 20, 30, "k", null);
        Violation v = violation();
        assertThat(v.unplaced().kind()).isEqualTo(KvOp.Kind.GET);
        assertThat(v.describe()).contains("get(\"k\") returned absent").contains("leaves the key \"x\"");
    }

    @Test
    void readOfAValueNobodyWroteIsIllegalAndSaidSo() {
        put(1, 0, 10, "k", "x");
        Handle y = h.invokePut(2, 15, "k", "y");
        get(3, 20, 30, "k", "z");
        h.ok(y, 40);
        Violation v = violation();
        assertThat(v.neverWritten()).isTrue();
        assertThat(v.valuesBefore()).containsExactly("x", "y");
        assertThat(v.describe()).contains("as one of: \"x\" or \"y\"")
                .contains("No operation on \"k\" ever wrote \"z\"");
    }

    @Test
    void appendChainIsLinearizableInTheOrderReadsSawIt() {
        Handle a = h.invokeAppend(1, 0, "k", "a");
        Handle b = h.invokeAppend(2, 1, "k", "b");
        Handle c = h.invokeAppend(3, 2, "k", "c");
        h.ok(c, 10);
        h.ok(a, 11);
        h.ok(b, 12);
        get(1, 20, 21, "k", "cab");
        assertThat(outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void appendsCannotBeSeenInTwoOrders() {
        Handle a = h.invokeAppend(1, 0, "k", "a");
        Handle b = h.invokeAppend(2, 1, "k", "b");
        get(3, 2, 3, "k", "ab");
        get(3, 4, 5, "k", "ba");
        h.ok(a, 10);
        h.ok(b, 11);
        assertThat(violation().unplaced().output()).isEqualTo("ba");
    }

    @Test
    void aValueBuiltByAppendsIsNotCalledNeverWritten() {
        h.ok(h.invokeAppend(1, 0, "k", "a"), 1);
        h.ok(h.invokeAppend(1, 2, "k", "b"), 3);
        get(2, 4, 5, "k", "ba");
        Violation v = violation();
        assertThat(v.valuesBefore()).containsExactly("ab");
        assertThat(v.neverWritten()).isFalse();
        assertThat(v.describe()).doesNotContain("ever wrote");
    }

    @Test
    void aPendingPutMayExplainALaterRead() {
        put(1, 0, 1, "k", "x");
        h.invokePut(2, 5, "k", "y"); // client 2 crashed: never returns
        get(3, 10, 11, "k", "x");
        get(3, 100, 101, "k", "y");
        get(1, 200, 201, "k", "y");
        assertThat(outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void aPendingPutMayNeverTakeEffect() {
        put(1, 0, 1, "k", "x");
        h.invokePut(2, 5, "k", "y");
        h.invokeDelete(4, 6, "k");
        get(3, 10, 11, "k", "x");
        get(3, 1000, 1001, "k", "x");
        assertThat(outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void aPendingPutCannotExplainAReadThatReturnedBeforeItWasInvoked() {
        put(1, 0, 1, "k", "x");
        get(3, 10, 11, "k", "y");
        h.invokePut(2, 12, "k", "y");
        assertThat(violation().unplaced().output()).isEqualTo("y");
    }

    @Test
    void aPendingPutCannotBeUndoneByAnOlderValue() {
        put(1, 0, 1, "k", "x");
        h.invokePut(2, 5, "k", "y");
        get(3, 10, 11, "k", "y");
        get(3, 12, 13, "k", "x"); // once "y" was seen, the pending put has happened
        assertThat(violation().unplaced().invokeTime()).isEqualTo(12);
    }

    @Test
    void pendingGetsAreIgnored() {
        put(1, 0, 1, "k", "x");
        h.invokeGet(2, 2, "k");
        assertThat(LinearizabilityChecker.check(h).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void aReadAfterADeleteFindsTheKeyAbsent() {
        put(1, 0, 1, "k", "x");
        h.ok(h.invokeDelete(1, 2, "k"), 3);
        get(2, 4, 5, "k", null);
        assertThat(outcome()).isEqualTo(Outcome.OK);
        get(2, 6, 7, "k", "x");
        Violation v = violation();
        assertThat(v.absentBefore()).isTrue();
        assertThat(v.valuesBefore()).isEmpty();
        assertThat(v.describe()).contains("leaves the key absent");
    }

    @Test
    void appendAfterDeleteStartsAgainFromEmpty() {
        h.ok(h.invokeAppend(1, 0, "k", "a"), 1);
        h.ok(h.invokeDelete(1, 2, "k"), 3);
        h.ok(h.invokeAppend(1, 4, "k", "b"), 5);
        get(1, 6, 7, "k", "b");
        assertThat(outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void casSwapsOnlyWhenItFindsTheExpectedValue() {
        put(1, 0, 1, "k", "x");
        h.ok(h.invokeCas(1, 2, "k", "x", "y"), 3, "x"); // swapped
        h.ok(h.invokeCas(2, 4, "k", "x", "z"), 5, "y"); // found "y": no swap
        h.ok(h.invokeCas(2, 6, "k", null, "w"), 7, "y"); // "only if absent": no swap
        get(1, 8, 9, "k", "y");
        assertThat(outcome()).isEqualTo(Outcome.OK);
        h.ok(h.invokeCas(2, 10, "k", "y", "v"), 11, "x");
        assertThat(violation().unplaced().kind()).isEqualTo(KvOp.Kind.CAS);
    }

    @Test
    void aPendingCasTakesEffectOnlyIfItsExpectationHeld() {
        put(1, 0, 1, "k", "x");
        h.invokeCas(2, 2, "k", "x", "y");
        get(1, 3, 4, "k", "y");
        assertThat(outcome()).isEqualTo(Outcome.OK);
        History other = new History();
        other.ok(other.invokePut(1, 0, "k", "x"), 1);
        other.invokeCas(2, 2, "k", "nope", "y");
        other.ok(other.invokeGet(1, 3, "k"), 4, "y");
        assertThat(LinearizabilityChecker.check(other).outcome()).isEqualTo(Outcome.ILLEGAL);
    }

    @Test
    void eventsAtTheSameTimeAreOrderedAsRecorded() {
        Handle write = h.invokePut(1, 0, "k", "x");
        h.ok(write, 5);
        get(2, 5, 6, "k", null); // invoked at t=5 after the put returned at t=5
        assertThat(outcome()).isEqualTo(Outcome.ILLEGAL);

        History concurrent = new History();
        Handle w = concurrent.invokePut(1, 0, "k", "x");
        Handle r = concurrent.invokeGet(2, 5, "k"); // invoked at t=5 before the put returned at t=5
        concurrent.ok(w, 5);
        concurrent.ok(r, 6, null);
        assertThat(LinearizabilityChecker.check(concurrent).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void theEarliestAnomalyOfAKeyIsReported() {
        put(1, 0, 1, "k", "x");
        get(2, 2, 3, "k", "y");
        get(2, 4, 5, "k", "z");
        Violation v = violation();
        assertThat(v.unplaced().output()).isEqualTo("y");
        assertThat(v.orderLength()).isEqualTo(1);
        assertThat(v.orderTail()).extracting(KvOp::value).containsExactly("x");
    }

    @Test
    void theReportListsAtMostReportOpsOperations() {
        for (int i = 0; i < 30; i++) {
            put(1, 2 * i, 2 * i + 1, "k", "v" + i);
        }
        get(2, 100, 101, "k", "v3");
        CheckResult result = LinearizabilityChecker.check(h, CheckOptions.defaults().withReportOps(5));
        Violation v = ((CheckResult.Illegal) result).violation();
        assertThat(v.orderLength()).isEqualTo(30);
        assertThat(v.orderTail()).extracting(KvOp::value).containsExactly("v25", "v26", "v27", "v28", "v29");
        assertThat(result.describe()).contains("30 operations, last 5 shown").doesNotContain("\"v24\"");
    }
}
