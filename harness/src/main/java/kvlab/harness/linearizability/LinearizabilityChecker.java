package kvlab.harness.linearizability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides whether a {@link History} of key/value operations is linearizable: whether every operation
 * can be given a point between its invocation and its return such that, taken in the order of those
 * points, the operations behave like a single sequential store (Herlihy and Wing, 1990).
 *
 * <p>The history is split by key, because a history is linearizable exactly when each key's part is
 * (Herlihy and Wing's locality); each key is then searched alone ({@link KeySearch}). Keys are checked
 * in sorted order and the search is deterministic: the same history and options give the same result,
 * report and step count on every run. Stateless and safe to call from anywhere.
 */
public final class LinearizabilityChecker {
    private LinearizabilityChecker() {
    }

    /** Checks {@code history} with {@link CheckOptions#defaults()}. */
    public static CheckResult check(History history) {
        return check(history, CheckOptions.defaults());
    }

    /**
     * Checks {@code history}. ILLEGAL if any key is not linearizable (reporting the key whose illegal
     * prefix ends first), else UNKNOWN if any key ran out of its step budget, else OK.
     */
    public static CheckResult check(History history, CheckOptions options) {
        List<KeyVerdict> verdicts = new ArrayList<>();
        Map<String, List<KvOp>> byKey = partition(history);
        for (Map.Entry<String, List<KvOp>> part : byKey.entrySet()) {
            KeySearch search = new KeySearch(history, part.getKey(), part.getValue(), options.reportOps());
            verdicts.add(search.run(options.maxStepsPerKey()));
        }
        long steps = verdicts.stream().mapToLong(KeyVerdict::steps).sum();
        List<KeyVerdict> illegal = withOutcome(verdicts, CheckResult.Outcome.ILLEGAL);
        if (!illegal.isEmpty()) {
            KeyVerdict first = illegal.stream().min(Comparator.comparingInt(
                    v -> history.returnSeq(v.violation().unplaced().id()))).orElseThrow();
            List<String> others = illegal.stream().map(KeyVerdict::key)
                    .filter(k -> !k.equals(first.key())).toList();
            return new CheckResult.Illegal(first.violation(), others, steps);
        }
        List<KeyVerdict> unknown = withOutcome(verdicts, CheckResult.Outcome.UNKNOWN);
        if (!unknown.isEmpty()) {
            return new CheckResult.Unknown(unknown.stream().map(KeyVerdict::key).toList(),
                    options.maxStepsPerKey(), steps);
        }
        return new CheckResult.Ok(history.ops().size(), byKey.size(), steps);
    }

    /** The operations of each key in history order; pending GETs are left out, as they did nothing. */
    private static Map<String, List<KvOp>> partition(History history) {
        Map<String, List<KvOp>> byKey = new TreeMap<>();
        for (KvOp op : history.ops()) {
            if (op.kind() != KvOp.Kind.GET || !op.pending()) {
                byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
            }
        }
        return byKey;
    }

    private static List<KeyVerdict> withOutcome(List<KeyVerdict> verdicts, CheckResult.Outcome outcome) {
        return verdicts.stream().filter(v -> v.outcome() == outcome).toList();
    }
}
