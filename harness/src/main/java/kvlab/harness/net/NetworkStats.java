package kvlab.harness.net;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Live traffic counters of a {@link SimNetwork}, for assertions such as "electing a leader took at
 * most 20 messages". Each message counts towards the total, its sender ({@link #from}), its
 * destination ({@link #to}) and its type ({@link #ofType}: the message class's simple name).
 * {@link #reset()} zeroes everything, e.g. after a warm-up phase.
 */
public final class NetworkStats {
    /** What happened to a message or a copy of it. */
    enum Outcome { SENT, DELIVERED, DROPPED, DUPLICATED }

    private Tally total = new Tally();
    private final Map<Integer, Tally> bySender = new TreeMap<>();
    private final Map<Integer, Tally> byReceiver = new TreeMap<>();
    private final Map<String, Tally> byType = new TreeMap<>();

    /** All traffic. */
    public Counts total() {
        return total.counts();
    }

    /** Traffic sent by {@code node}. */
    public Counts from(int node) {
        return countsOf(bySender.get(node));
    }

    /** Traffic addressed to {@code node}. */
    public Counts to(int node) {
        return countsOf(byReceiver.get(node));
    }

    /** Traffic of messages whose class has this simple name, e.g. {@code "RequestVote"}. */
    public Counts ofType(String simpleName) {
        return countsOf(byType.get(simpleName));
    }

    /** Traffic of messages of exactly this class. */
    public Counts ofType(Class<?> type) {
        return ofType(type.getSimpleName());
    }

    /** The simple names of every message type counted since the last reset, sorted. */
    public Set<String> types() {
        return new TreeSet<>(byType.keySet());
    }

    /** Forgets every count. */
    public void reset() {
        total = new Tally();
        bySender.clear();
        byReceiver.clear();
        byType.clear();
    }

    void count(Outcome outcome, int from, int to, String type, int bytes) {
        total.add(outcome, bytes);
        bySender.computeIfAbsent(from, k -> new Tally()).add(outcome, bytes);
        byReceiver.computeIfAbsent(to, k -> new Tally()).add(outcome, bytes);
        byType.computeIfAbsent(type, k -> new Tally()).add(outcome, bytes);
    }

    /** One line per message type, then the total. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        byType.forEach((type, tally) -> sb.append(type).append(": ").append(tally.counts()).append('\n'));
        return sb.append("total: ").append(total.counts()).toString();
    }

    private static Counts countsOf(Tally tally) {
        return tally == null ? Counts.ZERO : tally.counts();
    }

    /** Mutable counters behind one {@link Counts}. */
    private static final class Tally {
        private final long[] messages = new long[Outcome.values().length];
        private final long[] bytes = new long[Outcome.values().length];

        void add(Outcome outcome, int size) {
            messages[outcome.ordinal()]++;
            bytes[outcome.ordinal()] += size;
        }

        Counts counts() {
            return new Counts(messages[0], messages[1], messages[2], messages[3],
                    bytes[0], bytes[1], bytes[2], bytes[3]);
        }
    }
}
