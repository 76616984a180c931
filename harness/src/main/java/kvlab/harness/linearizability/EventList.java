package kvlab.harness.linearizability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The call and return events of one key's operations as a doubly linked list in real-time order, from
 * which the search lifts operations as it places them and puts them back when it backtracks.
 *
 * <p>Invariants: a call comes before its own return; the return of a pending operation comes after
 * every completed operation's events (it may take effect at any time after its call, or never).
 * {@link Node#lift} and {@link Node#unlift} must be undone in reverse order.
 */
final class EventList {
    /** A sentinel before the first event; {@code head.next} is null once every event is lifted. */
    final Node head = new Node(-1);
    /** The call node of each operation, by local index. */
    final Node[] calls;

    /** One event; {@code op} is the operation's local index, {@code pos} its place in the initial list. */
    static final class Node {
        final int op;
        int pos;
        /** For a call, its return; null for a return. */
        Node match;
        Node prev;
        Node next;

        Node(int op) {
            this.op = op;
        }

        boolean isCall() {
            return match != null;
        }

        /** Unlinks this call and its return. */
        void lift() {
            prev.next = next;
            next.prev = prev;
            match.prev.next = match.next;
            if (match.next != null) {
                match.next.prev = match.prev;
            }
        }

        /** Links this call and its return back where they were. */
        void unlift() {
            match.prev.next = match;
            if (match.next != null) {
                match.next.prev = match;
            }
            prev.next = this;
            next.prev = this;
        }
    }

    /** The events of {@code ops} (operations of {@code history}), ordered as recorded. */
    EventList(History history, List<KvOp> ops) {
        record Event(int seq, int op, boolean isReturn) {
        }
        List<Event> events = new ArrayList<>(2 * ops.size());
        for (int i = 0; i < ops.size(); i++) {
            events.add(new Event(history.invokeSeq(ops.get(i).id()), i, false));
            events.add(new Event(history.returnSeq(ops.get(i).id()), i, true));
        }
        // Pending returns share the seq NEVER; among them, any order will do.
        events.sort(Comparator.comparingInt(Event::seq).thenComparingInt(Event::op));
        calls = new Node[ops.size()];
        Node[] returns = new Node[ops.size()];
        Node last = head;
        for (int pos = 0; pos < events.size(); pos++) {
            Event e = events.get(pos);
            Node node = new Node(e.op());
            node.pos = pos;
            (e.isReturn() ? returns : calls)[e.op()] = node;
            last.next = node;
            node.prev = last;
            last = node;
        }
        for (int i = 0; i < ops.size(); i++) {
            calls[i].match = returns[i];
        }
    }
}
