package kvlab.harness.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kvlab.harness.linearizability.CheckResult.Outcome;
import org.junit.jupiter.api.Test;

/** The benchmark's generator yields linearizable histories, and the checker catches one stale read. */
class KvHistoryGeneratorTest {

    private static final History BENCHMARK_HISTORY = KvHistoryGenerator.generate(1,
            CheckerBenchmark.OPERATIONS, CheckerBenchmark.KEYS, CheckerBenchmark.CLIENTS);

    @Test
    void theBenchmarkHistoryIsLinearizableAndRealistic() {
        List<KvOp> ops = BENCHMARK_HISTORY.ops();
        assertThat(ops).hasSize(10_000);
        assertThat(ops).filteredOn(KvOp::pending).hasSizeBetween(30, 300);
        assertThat(ops).extracting(KvOp::key).containsOnly("k0", "k1", "k2", "k3", "k4");
        assertThat(ops).extracting(KvOp::clientId).containsOnly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(ops).extracting(KvOp::kind).contains(KvOp.Kind.values());
        assertThat(overlappingPairs(ops)).as("operations overlap in time").isGreaterThan(1_000);
        CheckResult result = LinearizabilityChecker.check(BENCHMARK_HISTORY);
        assertThat(result.outcome()).as(result.describe()).isEqualTo(Outcome.OK);
    }

    @Test
    void oneStaleReadMakesTheBenchmarkHistoryIllegal() {
        int stale = staleReadCandidate(BENCHMARK_HISTORY.ops());
        KvOp read = BENCHMARK_HISTORY.ops().get(stale);
        String old = olderValue(BENCHMARK_HISTORY.ops(), read);
        History mutated = BENCHMARK_HISTORY.withOutput(stale, old);
        CheckResult result = LinearizabilityChecker.check(mutated);
        assertThat(result.outcome()).isEqualTo(Outcome.ILLEGAL);
        Violation v = ((CheckResult.Illegal) result).violation();
        assertThat(v.unplaced()).isEqualTo(mutated.ops().get(stale));
        assertThat(result.describe()).contains(read.key()).contains(KvOp.quote(old));
    }

    @Test
    void manySeedsGiveLinearizableHistories() {
        for (long seed = 100; seed < 120; seed++) {
            History h = KvHistoryGenerator.generate(seed, 1_000, 1 + (int) (seed % 3), 8);
            CheckResult result = LinearizabilityChecker.check(h);
            assertThat(result.outcome()).as("seed %d: %s", seed, result.describe()).isEqualTo(Outcome.OK);
        }
    }

    @Test
    void aHotKeyWithEightClientsIsDecidedWithinTheDefaultBudget() {
        History h = KvHistoryGenerator.generate(1, 10_000, 1, 8);
        CheckResult result = LinearizabilityChecker.check(h);
        assertThat(result.outcome()).as(result.describe()).isEqualTo(Outcome.OK);
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        assertThat(KvHistoryGenerator.generate(5, 500, 2, 4).ops())
                .isEqualTo(KvHistoryGenerator.generate(5, 500, 2, 4).ops())
                .isNotEqualTo(KvHistoryGenerator.generate(6, 500, 2, 4).ops());
    }

    private static long overlappingPairs(List<KvOp> ops) {
        long pairs = 0;
        for (int i = 1; i < ops.size(); i++) {
            if (ops.get(i).invokeTime() < ops.get(i - 1).returnTime()) {
                pairs++;
            }
        }
        return pairs;
    }

    /**
     * A GET that returned after a write W2 to its key that itself followed a PUT W1, all three strictly
     * in sequence: reading W1's value then is stale, as PUT and APPEND values are never repeated.
     */
    private static int staleReadCandidate(List<KvOp> ops) {
        return ops.stream().filter(op -> op.kind() == KvOp.Kind.GET && !op.pending()
                && op.id() > ops.size() / 2 && olderValue(ops, op) != null).findFirst().orElseThrow().id();
    }

    private static String olderValue(List<KvOp> ops, KvOp read) {
        for (KvOp w2 : ops) {
            if (w2.key().equals(read.key()) && w2.kind() == KvOp.Kind.PUT && w2.returnTime() < read.invokeTime()) {
                for (KvOp w1 : ops) {
                    if (w1.key().equals(read.key()) && w1.kind() == KvOp.Kind.PUT
                            && w1.returnTime() < w2.invokeTime() && !w1.value().equals(read.output())) {
                        return w1.value();
                    }
                }
            }
        }
        return null;
    }
}
