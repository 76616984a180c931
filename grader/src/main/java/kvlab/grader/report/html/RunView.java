package kvlab.grader.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kvlab.grader.engine.Evidence.ClientOp;
import kvlab.grader.engine.Evidence.Event;
import kvlab.grader.engine.Evidence;
import kvlab.harness.cluster.RoleTrace;

/**
 * What the page's script draws for one test run, cut to size: node lanes and network changes over the
 * whole retained trace (they are small), and windows of at most {@code maxEvents} events and
 * {@code maxOps} client operations around the focus (the failure). Serialised to JSON as it stands.
 *
 * @param end virtual time of the last retained event
 * @param focus virtual time of the focus: the return of the operation that fits no linearization, else the end
 * @param kinds event kind names; rows refer to them by index
 * @param nodes one lane per node: its role segments, crashes and pauses
 * @param network changes of the network's faults, each {@code [time, detail]}
 * @param total events ever traced
 * @param retained events the trace kept (the last ones)
 * @param first index, among the retained events, of the first embedded row
 * @param rows embedded events, each {@code [time, node, kind index, detail]}
 * @param focusRow index in {@code rows} of the first event at or after {@code focus}
 * @param ops embedded client operations, each {@code [id, client, key, call, invoked, returned, mark]}
 *     (returned -1 = pending; mark: 0 plain, 1 fits no linearization, 2 in the longest order found,
 *     3 concurrent with it and not in that order)
 * @param opsTotal client operations in the history
 * @param verdictKey the key the counter-example is about, or empty
 */
record RunView(long end, long focus, List<String> kinds, List<Lane> nodes, List<List<Object>> network,
                   long total, int retained, int first, List<List<Object>> rows, int focusRow,
                   List<List<Object>> ops, int opsTotal, String verdictKey) {
    /** Event details longer than this are cut in the embedded rows (a message can print a whole log). */
    static final int DETAIL_CHARS = 160;

    /** A node's lane: segments {@code [start, end, label]}, label a role and term, CRASHED, PAUSED or "?". */
    record Lane(int node, List<List<Object>> segments) {
    }

    static RunView of(Evidence evidence, int maxEvents, int maxOps) {
        List<Event> trace = evidence.trace();
        long end = trace.isEmpty() ? 0 : trace.get(trace.size() - 1).time();
        long focus = unplaced(evidence).map(ClientOp::returned).orElse(end);
        int focusIndex = firstAtOrAfter(trace, focus);
        int first = Math.max(0, Math.min(focusIndex - maxEvents * 3 / 4, trace.size() - maxEvents));
        int last = Math.min(trace.size(), first + maxEvents);
        List<String> kinds = trace.stream().map(Event::kind).distinct().sorted().toList();
        List<List<Object>> rows = new ArrayList<>(last - first);
        for (Event e : trace.subList(first, last)) {
            String detail = e.detail().length() <= DETAIL_CHARS ? e.detail()
                    : e.detail().substring(0, DETAIL_CHARS) + "… (" + e.detail().length() + " chars)";
            rows.add(List.of(e.time(), e.node(), kinds.indexOf(e.kind()), detail));
        }
        List<List<Object>> network = trace.stream().filter(e -> e.kind().equals("NETWORK"))
                .map(e -> List.<Object>of(e.time(), e.detail())).toList();
        return new RunView(end, focus, kinds, lanes(trace, end), network, evidence.events(), trace.size(), first,
                rows, Math.max(0, Math.min(focusIndex, last - 1) - first), ops(evidence, focus, maxOps),
                evidence.history().size(), evidence.verdict().flatMap(Evidence.Verdict::key).orElse(""));
    }

    /** The operation that fits no linearization, when the verdict names one. */
    private static Optional<ClientOp> unplaced(Evidence evidence) {
        OptionalInt id = evidence.verdict().map(Evidence.Verdict::unplaced).orElse(OptionalInt.empty());
        return id.isEmpty() ? Optional.empty()
                : evidence.history().stream().filter(op -> op.id() == id.getAsInt()).findFirst();
    }

    private static int firstAtOrAfter(List<Event> trace, long time) {
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).time() >= time) {
                return i;
            }
        }
        return Math.max(0, trace.size() - 1);
    }

    /** Each node's life as segments, from its lifecycle and STATE events (role and term). */
    private static List<Lane> lanes(List<Event> trace, long end) {
        Map<Integer, LaneBuilder> lanes = new TreeMap<>();
        long start = trace.isEmpty() ? 0 : trace.get(0).time();
        for (Event e : trace) {
            if (e.node() < 0 || !Set.of("START", "RESTART", "STATE", "CRASH", "PAUSE", "RESUME").contains(e.kind())) {
                continue;
            }
            LaneBuilder lane = lanes.computeIfAbsent(e.node(), id -> new LaneBuilder(start));
            switch (e.kind()) {
                case "START", "RESTART" -> lane.become(e.time(), "?");
                case "STATE" -> {
                    // The label is the traced text ("LEADER term 3"), rebuilt from the exported fields.
                    lane.role = e.state().map(RoleTrace.State::detail).orElse(e.detail());
                    lane.become(e.time(), lane.role);
                }
                case "CRASH" -> lane.become(e.time(), "CRASHED");
                case "PAUSE" -> lane.become(e.time(), "PAUSED");
                default -> lane.become(e.time(), lane.role);
            }
        }
        List<Lane> result = new ArrayList<>();
        lanes.forEach((id, lane) -> result.add(new Lane(id, lane.finish(end))));
        return result;
    }

    /** Builds one lane; zero-length segments (several changes at one instant) are left out. */
    private static final class LaneBuilder {
        final List<List<Object>> segments = new ArrayList<>();
        long since;
        String label = "?";
        /** The last role seen, restored when a paused node resumes. */
        String role = "?";

        LaneBuilder(long since) {
            this.since = since;
        }

        void become(long time, String next) {
            if (time > since) {
                segments.add(List.of(since, time, label));
            }
            since = time;
            label = next;
        }

        List<List<Object>> finish(long end) {
            become(Math.max(end, since), label);
            return segments;
        }
    }

    /**
     * The counter-example's operations and those closest in time to the focus, at most {@code maxOps},
     * in id order. Porcupine shows one key at a time; the page filters by key, so all keys are kept.
     */
    private static List<List<Object>> ops(Evidence evidence, long focus, int maxOps) {
        Map<Integer, Integer> marks = new LinkedHashMap<>();
        evidence.verdict().ifPresent(v -> {
            v.concurrent().forEach(id -> marks.put(id, 3));
            v.order().forEach(id -> marks.put(id, 2));
            v.unplaced().ifPresent(id -> marks.put(id, 1));
        });
        Set<Integer> chosen = new TreeSet<>(marks.keySet());
        evidence.history().stream()
                .sorted(Comparator.comparingLong((ClientOp op) -> distance(op, focus)).thenComparingInt(ClientOp::id))
                .limit(Math.max(0, maxOps - chosen.size()))
                .forEach(op -> chosen.add(op.id()));
        List<List<Object>> ops = new ArrayList<>();
        for (ClientOp op : evidence.history()) {
            if (chosen.contains(op.id())) {
                ops.add(List.of(op.id(), op.client(), op.key(), op.call(), op.invoked(), op.returned(),
                        marks.getOrDefault(op.id(), 0)));
            }
        }
        return ops;
    }

    /** How far an operation's interval lies from {@code time} (0 when it spans it). */
    private static long distance(ClientOp op, long time) {
        long returned = op.pending() ? Long.MAX_VALUE : op.returned();
        return time < op.invoked() ? op.invoked() - time : time > returned ? time - returned : 0;
    }
}
