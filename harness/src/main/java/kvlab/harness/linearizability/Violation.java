package kvlab.harness.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why the operations on one key are not linearizable, in terms of the smallest illegal prefix the search
 * found: the history up to the return of {@link #unplaced}. Every operation that returned before it can
 * be put in an order that fits a sequential store (see {@link #orderTail}), but no such order, with any
 * choice of the operations still running at that time, leaves the value that {@code unplaced} found.
 *
 * @param key the key
 * @param orderLength how many operations the longest linearizable order found holds
 * @param orderTail the last operations of that order (at most {@link CheckOptions#reportOps()})
 * @param unplaced the GET or CAS that fits no order: the end of the illegal prefix
 * @param concurrentCount how many other operations were invoked before {@code unplaced} returned and
 *     are not in the order
 * @param concurrent the first of those (at most {@link CheckOptions#reportOps()})
 * @param valuesBefore every present value the key can hold when {@code unplaced} must take effect
 * @param absentBefore whether the key can be absent then
 * @param neverWritten whether no operation on the key ever wrote what {@code unplaced} found
 */
public record Violation(String key, int orderLength, List<KvOp> orderTail, KvOp unplaced,
                        int concurrentCount, List<KvOp> concurrent, List<String> valuesBefore,
                        boolean absentBefore, boolean neverWritten) {

    /** How many possible values the report lists before it says "and N more". */
    private static final int VALUES_SHOWN = 6;

    public Violation {
        orderTail = List.copyOf(orderTail);
        concurrent = List.copyOf(concurrent);
        valuesBefore = List.copyOf(valuesBefore);
    }

    /** The report: the prefix, why no order works, and the operations involved. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("key ").append(KvOp.quote(key)).append(" is not linearizable; the smallest illegal ")
                .append("prefix ends at t=").append(unplaced.returnTime())
                .append(", when this operation returned:\n  ").append(unplaced.describe()).append('\n');
        out.append("Why: ").append(unplaced.call()).append(", but every order of the operations before it")
                .append(" that respects real time leaves the key ").append(possibleStates()).append('.');
        if (neverWritten) {
            out.append(" No operation on ").append(KvOp.quote(key)).append(" ever wrote ")
                    .append(KvOp.quote(unplaced.output())).append('.');
        }
        out.append("\nLongest linearizable order found (").append(orderLength).append(" operations");
        if (orderTail.size() < orderLength) {
            out.append(", last ").append(orderTail.size()).append(" shown");
        }
        out.append("):\n");
        lines(out, orderTail);
        out.append("Invoked before it returned and not in that order (").append(concurrentCount)
                .append(concurrent.size() < concurrentCount ? ", first " + concurrent.size() + " shown" : "")
                .append("):\n");
        lines(out, concurrent);
        return out.toString();
    }

    private String possibleStates() {
        List<String> states = new ArrayList<>();
        if (absentBefore) {
            states.add("absent");
        }
        valuesBefore.stream().limit(VALUES_SHOWN).map(KvOp::quote).forEach(states::add);
        int hidden = valuesBefore.size() - Math.min(VALUES_SHOWN, valuesBefore.size());
        String shown = String.join(" or ", states) + (hidden > 0 ? " or one of " + hidden + " more" : "");
        return states.size() == 1 ? shown : "as one of: " + shown;
    }

    private static void lines(StringBuilder out, List<KvOp> ops) {
        if (ops.isEmpty()) {
            out.append("  (none)\n");
        }
        out.append(ops.stream().map(op -> "  " + op.describe() + "\n").collect(Collectors.joining()));
    }
}
