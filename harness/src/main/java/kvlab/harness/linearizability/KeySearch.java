package kvlab.harness.linearizability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kvlab.harness.linearizability.EventList.Node;

/**
 * The linearizability search for the operations on one key: Wing and Gong's backtracking search with
 * Lowe's memoisation of (linearized set, state) pairs, over a linked list of call and return events in
 * real-time order, as anishathalye/porcupine does it, plus one shortcut (reads that fit go first).
 *
 * <p>How it works. A call that comes before the first remaining return in the {@link EventList} belongs
 * to a candidate: an operation that may take effect next. The search tries candidates in list order;
 * when one fits the state it is placed: lifted out of the list and pushed on a stack, unless the
 * resulting (placed set, state) pair was expanded before and so is known to fail. Reaching a return
 * means that operation had to take effect by now and no order tried allows it: the search pops its last
 * choice, puts it back, and tries the next candidate. It succeeds once every completed operation is
 * placed (pending ones can go last, where nothing observes them); backtracking from an empty stack
 * proves that there is no linearization.
 *
 * <p>Single use: call {@link #run(long)} once.
 */
final class KeySearch {
    private final History history;
    private final String key;
    private final List<KvOp> ops;
    private final int reportOps;
    private final EventList events;
    private final LinearizedSet placed;
    private final Set<LinearizedSet.SearchState> seen = new HashSet<>();
    private final List<Frame> stack = new ArrayList<>();
    private final Failure failure = new Failure();
    /** The key's value after the placed operations; null = absent. */
    private String state;
    /** How many completed operations are not placed yet. */
    private int completedLeft;

    /** One placement: the call lifted, the state before it, and whether it was forced (no alternatives). */
    private record Frame(Node call, String stateBefore, boolean forced) {
    }

    /**
     * The search's furthest failure: the latest return it could not get past, and what it knew there.
     * Invariant: {@code at} is null until the first failure; later failures only move it forward.
     */
    private static final class Failure {
        Node at;
        int depth;
        List<Frame> tail;
        LinearizedSet placed;
        final TreeSet<String> values = new TreeSet<>();
        boolean absent;
    }

    /**
     * A search over {@code ops}, the operations of {@code history} on {@code key} in history order,
     * without pending GETs (which neither change nor observe anything).
     */
    KeySearch(History history, String key, List<KvOp> ops, int reportOps) {
        this.history = history;
        this.key = key;
        this.ops = List.copyOf(ops);
        this.reportOps = reportOps;
        this.events = new EventList(history, this.ops);
        this.placed = new LinearizedSet(ops.size());
        this.completedLeft = (int) ops.stream().filter(op -> !op.pending()).count();
    }

    /** Searches for a linearization within {@code budget} steps (one step = one event looked at). */
    KeyVerdict run(long budget) {
        long steps = 0;
        Node cursor = null;
        while (completedLeft > 0) {
            if (steps++ == budget) {
                return new KeyVerdict(key, CheckResult.Outcome.UNKNOWN, steps - 1, null);
            }
            Node resume;
            if (cursor == null) {
                // A new configuration: commit to a read that fits, if any, before trying anything else.
                Node read = pureReadThatFits();
                if (read == null) {
                    cursor = events.head.next;
                    continue;
                }
                if (place(read, true)) {
                    continue;
                }
                resume = backtrack();
            } else if (cursor.isCall()) {
                boolean fits = KvModel.accepts(state, ops.get(cursor.op));
                cursor = fits && place(cursor, false) ? null : cursor.next;
                continue;
            } else {
                noteFailure(cursor);
                resume = backtrack();
            }
            if (resume == null) {
                return new KeyVerdict(key, CheckResult.Outcome.ILLEGAL, steps, violation());
            }
            cursor = resume.next;
        }
        return new KeyVerdict(key, CheckResult.Outcome.OK, steps, null);
    }

    /**
     * A candidate that only reads and fits the state. Placing it at once is never wrong: a
     * linearization that places it later stays one when it moves here, because it changes nothing and
     * its real-time constraints only get easier. So the search commits to it without trying
     * alternatives, which keeps concurrent writes from multiplying the work.
     */
    private Node pureReadThatFits() {
        for (Node n = events.head.next; n.isCall(); n = n.next) {
            KvOp op = ops.get(n.op);
            if (KvModel.isPureRead(op) && KvModel.accepts(state, op)) {
                return n;
            }
        }
        return null;
    }

    /** Places {@code call} unless the resulting (set, state) pair was expanded before. */
    private boolean place(Node call, boolean forced) {
        KvOp op = ops.get(call.op);
        String next = KvModel.next(state, op);
        placed.set(call.op);
        if (!seen.add(placed.with(next))) {
            placed.clear(call.op);
            return false;
        }
        stack.add(new Frame(call, state, forced));
        state = next;
        completedLeft -= op.pending() ? 0 : 1;
        call.lift();
        return true;
    }

    /**
     * Undoes placements up to and including the last unforced one, and returns that call: the scan for
     * alternatives resumes after it. Null when no alternative is left, which proves the key illegal.
     * Forced placements are undone without trying alternatives: if the configuration after one fails,
     * the configuration before it fails too.
     */
    private Node backtrack() {
        while (!stack.isEmpty()) {
            Frame top = stack.remove(stack.size() - 1);
            state = top.stateBefore();
            placed.clear(top.call().op);
            top.call().unlift();
            completedLeft += ops.get(top.call().op).pending() ? 0 : 1;
            if (!top.forced()) {
                return top.call();
            }
        }
        return null;
    }

    /**
     * Remembers where the search got stuck if it is the furthest point yet, and the state it was stuck
     * in. The furthest return no branch gets past ends the smallest illegal prefix, and its operation
     * is a GET or CAS: a write always fits, so a branch stuck there would have placed it and moved on.
     */
    private void noteFailure(Node ret) {
        if (failure.at == null || ret.pos > failure.at.pos) {
            failure.at = ret;
            failure.depth = stack.size();
            failure.tail = List.copyOf(stack.subList(Math.max(0, stack.size() - reportOps), stack.size()));
            failure.placed = placed.copy();
            failure.values.clear();
            failure.absent = false;
        }
        if (ret.pos == failure.at.pos) {
            if (state == null) {
                failure.absent = true;
            } else {
                failure.values.add(state);
            }
        }
    }

    private Violation violation() {
        KvOp unplaced = ops.get(failure.at.op);
        List<KvOp> concurrent = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (i != failure.at.op && events.calls[i].pos < failure.at.pos && !failure.placed.contains(i)) {
                concurrent.add(ops.get(i));
            }
        }
        List<KvOp> tail = failure.tail.stream().map(f -> ops.get(f.call().op)).toList();
        return new Violation(key, failure.depth, tail, unplaced, concurrent.size(),
                concurrent.subList(0, Math.min(reportOps, concurrent.size())),
                new ArrayList<>(failure.values), failure.absent, neverWritten(unplaced.output()));
    }

    /** Whether no operation could have produced {@code value}: nothing wrote it and nothing appended. */
    private boolean neverWritten(String value) {
        return value != null && ops.stream().noneMatch(op -> op.kind() == KvOp.Kind.APPEND
                || (op.kind().takesValue() && value.equals(op.value())));
    }
}
