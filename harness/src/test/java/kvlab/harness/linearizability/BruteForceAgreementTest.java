package kvlab.harness.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import kvlab.harness.linearizability.CheckResult.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Compares the checker with the definition of linearizability, evaluated by brute force on thousands of
 * small random histories (random outputs, so about half are illegal): some order of all completed
 * operations and any subset of pending ones must respect real time and fit a sequential store.
 */
class BruteForceAgreementTest {

    @Test
    void agreesWithBruteForceOnSmallRandomHistories() {
        int[] verdicts = new int[2];
        for (long seed = 0; seed < 3_000; seed++) {
            History h = randomHistory(new SplittableRandom(seed));
            boolean expected = new BruteForce(h).linearizable();
            CheckResult result = LinearizabilityChecker.check(h);
            assertThat(result.outcome()).as("seed %d: %s%n%s", seed, h.ops(), result.describe())
                    .isEqualTo(expected ? Outcome.OK : Outcome.ILLEGAL);
            verdicts[expected ? 1 : 0]++;
        }
        // Both verdicts must be common, or the comparison proves little.
        assertThat(verdicts[0]).isGreaterThan(500);
        assertThat(verdicts[1]).isGreaterThan(500);
    }

    private record Event(long time, int order, int op, boolean isReturn) {
    }

    /** Up to 7 operations on one or two keys, with overlapping random times and random outputs. */
    private static History randomHistory(SplittableRandom random) {
        int n = 1 + random.nextInt(7);
        List<Event> events = new ArrayList<>();
        boolean[] pending = new boolean[n];
        for (int i = 0; i < n; i++) {
            long start = random.nextInt(20);
            pending[i] = random.nextInt(6) == 0;
            events.add(new Event(start, random.nextInt(1000), i, false));
            if (!pending[i]) {
                events.add(new Event(start + random.nextInt(10), random.nextInt(1000), i, true));
            }
        }
        // At equal times, calls and returns interleave at random, but a call precedes its own return.
        events.sort(Comparator.comparingLong(Event::time).thenComparing(Event::isReturn)
                .thenComparingInt(Event::order));
        History h = new History();
        Map<Integer, History.Handle> handles = new TreeMap<>();
        String[] values = {null, "x", "y", "xy"};
        for (Event e : events) {
            if (!e.isReturn()) {
                handles.put(e.op(), invokeRandom(h, random, e));
            } else if (h.ops().get(handles.get(e.op()).id()).kind().observes()) {
                h.ok(handles.get(e.op()), e.time(), values[random.nextInt(values.length)]);
            } else {
                h.ok(handles.get(e.op()), e.time());
            }
        }
        return h;
    }

    private static History.Handle invokeRandom(History h, SplittableRandom random, Event e) {
        String key = random.nextInt(4) == 0 ? "k2" : "k";
        String value = random.nextBoolean() ? "x" : "y";
        int client = e.op();
        return switch (random.nextInt(6)) {
            case 0, 1 -> h.invokeGet(client, e.time(), key);
            case 2 -> h.invokePut(client, e.time(), key, value);
            case 3 -> h.invokeAppend(client, e.time(), key, value);
            case 4 -> h.invokeDelete(client, e.time(), key);
            default -> h.invokeCas(client, e.time(), key, random.nextBoolean() ? null : "x", value);
        };
    }

    /** The definition, searched exhaustively over the whole history (all keys in one map). */
    private static final class BruteForce {
        private final History history;
        private final List<KvOp> ops;
        private final boolean[] placed;

        BruteForce(History history) {
            this.history = history;
            this.ops = history.ops();
            this.placed = new boolean[ops.size()];
        }

        boolean linearizable() {
            return extend(new TreeMap<>());
        }

        private boolean extend(Map<String, String> store) {
            if (ops.stream().allMatch(op -> op.pending() || placed[op.id()])) {
                return true;
            }
            for (KvOp op : ops) {
                if (!placed[op.id()] && mayGoNext(op) && fits(store, op)) {
                    placed[op.id()] = true;
                    Map<String, String> after = new TreeMap<>(store);
                    apply(after, op);
                    boolean found = extend(after);
                    placed[op.id()] = false;
                    if (found) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** No operation still unplaced returned before {@code op} was invoked. */
        private boolean mayGoNext(KvOp op) {
            return ops.stream().noneMatch(other -> !placed[other.id()] && !other.pending()
                    && history.returnSeq(other.id()) < history.invokeSeq(op.id()));
        }

        private static boolean fits(Map<String, String> store, KvOp op) {
            return op.pending() || !op.kind().observes() || Objects.equals(store.get(op.key()), op.output());
        }

        private static void apply(Map<String, String> store, KvOp op) {
            String found = store.get(op.key());
            switch (op.kind()) {
                case GET -> { }
                case PUT -> store.put(op.key(), op.value());
                case APPEND -> store.put(op.key(), found == null ? op.value() : found + op.value());
                case DELETE -> store.remove(op.key());
                case CAS -> {
                    if (Objects.equals(found, op.expected())) {
                        store.put(op.key(), op.value());
                    }
                }
            }
        }
    }
}
