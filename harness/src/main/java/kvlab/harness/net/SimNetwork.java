package kvlab.harness.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import kvlab.harness.net.NetworkStats.Outcome;
import kvlab.harness.sim.Simulation;
import kvlab.harness.trace.EventKind;
import kvlab.harness.trace.Trace;

/**
 * A simulated network between nodes identified by {@code int} ids (not negative). Messages are any
 * Java objects; records are recommended, because the trace shows each message by its
 * {@code toString}, which must not contain identity hash codes.
 *
 * <p>The life of a message, each step traced and counted in {@link #stats()}:
 * <ol>
 *   <li>{@link #send}: traced as SEND with a message number {@code #n}. It is dropped at once if
 *       the sender or the receiver is down ({@link #markDown}), the link is blocked (partition, cut,
 *       isolation), a {@link MessageFilter} drops it, or the random drop draw says so.
 *   <li>Otherwise it is delivered after a latency drawn from the configuration; with the duplicate
 *       rate's probability a second copy is scheduled with its own latency (traced as DUPLICATE).
 *   <li>On arrival a copy is dropped if the receiver is down or the link is blocked <em>now</em>,
 *       so faults also catch messages in flight; otherwise the receiver's handler gets it.
 * </ol>
 *
 * <p>Trace lines: SEND and DUPLICATE carry the sender's id; DELIVER and DROP the destination's, and
 * DROP ends with the reason in parentheses, e.g. {@code 57 n2 DROP #12 1->2 Ping[n=3] (partition)}.
 *
 * <p>All random draws come from the simulation's stream {@code "network"}, in the order of sends.
 * Threading: single-threaded, like the simulation.
 */
public final class SimNetwork {
    /** A message in flight, with what the trace and the counters need computed once. */
    private record Envelope(long id, int from, int to, Object message, String text, String type, int bytes) {
        String describe() {
            return "#" + id + " " + from + "->" + to + " " + text;
        }
    }

    private final Simulation sim;
    private final RandomGenerator random;
    private final Map<Integer, MessageHandler> handlers = new TreeMap<>();
    private final Map<Integer, String> down = new TreeMap<>();
    private final LinkFaults faults = new LinkFaults();
    private final Map<String, MessageFilter> filters = new LinkedHashMap<>();
    private final NetworkStats stats = new NetworkStats();
    private NetworkConfig config;
    private long nextMessageId = 1;

    /** A network inside {@code sim} that behaves as {@code config} says. */
    public SimNetwork(Simulation sim, NetworkConfig config) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.random = sim.random("network");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Makes {@code node} known to the network; its messages go to {@code handler} (replacing any). */
    public void register(int node, MessageHandler handler) {
        if (node < 0) {
            throw new IllegalArgumentException("node ids must not be negative, was " + node);
        }
        handlers.put(node, Objects.requireNonNull(handler, "handler"));
    }

    /** Sends {@code message}; see the class comment for what can happen to it. */
    public void send(int from, int to, Object message) {
        requireRegistered(from);
        requireRegistered(to);
        Objects.requireNonNull(message, "message");
        String text = String.valueOf(message);
        // Same result as applying TEXT_LENGTH, without building the text a second time.
        int bytes = config.sizeOf() == NetworkConfig.TEXT_LENGTH ? text.length() : config.sizeOf().applyAsInt(message);
        Envelope env = new Envelope(nextMessageId++, from, to, message, text, message.getClass().getSimpleName(), bytes);
        sim.trace().add(sim.now(), from, EventKind.SEND, env.describe());
        count(Outcome.SENT, env);
        String reason = blockedAtSend(env);
        if (reason != null) {
            drop(env, reason);
            return;
        }
        scheduleDelivery(env);
        if (random.nextDouble() < config.duplicateRate()) {
            sim.trace().add(sim.now(), from, EventKind.DUPLICATE, env.describe());
            count(Outcome.DUPLICATED, env);
            scheduleDelivery(env);
        }
    }

    /** The configuration in force. */
    public NetworkConfig config() {
        return config;
    }

    /** Replaces the configuration; messages already in flight keep their latency. */
    public void configure(NetworkConfig newConfig) {
        config = Objects.requireNonNull(newConfig, "config");
        traceChange("configure " + newConfig);
    }

    /** The live traffic counters. */
    public NetworkStats stats() {
        return stats;
    }

    /**
     * Marks {@code node} down (crashed or paused): every message from or to it is dropped with
     * {@code reason} until {@link #markUp}. Used by the cluster; tests use the cluster's methods.
     */
    public void markDown(int node, String reason) {
        requireRegistered(node);
        down.put(node, Objects.requireNonNull(reason, "reason"));
    }

    /** Undoes {@link #markDown}. */
    public void markUp(int node) {
        requireRegistered(node);
        down.remove(node);
    }

    /**
     * Splits nodes into groups that cannot reach each other; replaces any earlier partition (cuts
     * and isolations stay). A node in no group can reach no other node.
     */
    @SafeVarargs
    public final void partition(Set<Integer>... groups) {
        List<Set<Integer>> sorted = new ArrayList<>();
        for (Set<Integer> group : groups) {
            sorted.add(new TreeSet<>(group));
        }
        faults.partition(sorted);
        traceChange("partition " + sorted);
    }

    /** Blocks both directions between {@code a} and {@code b}. */
    public void cut(int a, int b) {
        faults.cut(a, b);
        faults.cut(b, a);
        traceChange("cut " + a + "<->" + b);
    }

    /** Blocks messages from {@code from} to {@code to}; the other direction stays open. */
    public void cutOneWay(int from, int to) {
        faults.cut(from, to);
        traceChange("cut " + from + "->" + to);
    }

    /** Blocks every link to and from {@code node} until {@link #reconnect} or {@link #healAll}. */
    public void isolate(int node) {
        faults.isolate(node);
        traceChange("isolate " + node);
    }

    /** Undoes {@link #isolate} for {@code node}; partitions and cuts stay. */
    public void reconnect(int node) {
        faults.reconnect(node);
        traceChange("reconnect " + node);
    }

    /** Removes every partition, cut and isolation (filters stay: remove them by name). */
    public void healAll() {
        faults.healAll();
        traceChange("heal all");
    }

    /** Adds a filter that drops the messages it matches; replaces any filter with the same name. */
    public void addFilter(String name, MessageFilter filter) {
        filters.put(name, Objects.requireNonNull(filter, "filter"));
        traceChange("add filter '" + name + "'");
    }

    /** Removes the filter called {@code name}; returns whether there was one. */
    public boolean removeFilter(String name) {
        boolean removed = filters.remove(name) != null;
        traceChange("remove filter '" + name + "'");
        return removed;
    }

    /** Drops every message of this type (and its subtypes), like etcd-raft's {@code ignore(type)}: a filter named {@code "ignore <SimpleName>"}. */
    public void ignore(Class<?> type) {
        addFilter("ignore " + type.getSimpleName(), (from, to, message) -> type.isInstance(message));
    }

    /** The names of the filters in force, in the order they were added. */
    public List<String> filterNames() {
        return List.copyOf(filters.keySet());
    }

    private String blockedAtSend(Envelope env) {
        String reason = downReason(env.from(), env.to());
        if (reason == null) {
            reason = faults.blockedBy(env.from(), env.to());
        }
        if (reason == null) {
            reason = filterReason(env);
        }
        if (reason == null && random.nextDouble() < config.dropRate()) {
            reason = "random loss";
        }
        return reason;
    }

    private String downReason(int... nodes) {
        for (int node : nodes) {
            String why = down.get(node);
            if (why != null) {
                return "node " + node + " " + why;
            }
        }
        return null;
    }

    private String filterReason(Envelope env) {
        for (Map.Entry<String, MessageFilter> f : filters.entrySet()) {
            if (f.getValue().drops(env.from(), env.to(), env.message())) {
                return "filter '" + f.getKey() + "'";
            }
        }
        return null;
    }

    private void scheduleDelivery(Envelope env) {
        long latency = random.nextLong(config.minLatencyMs(), config.maxLatencyMs() + 1);
        sim.schedule(latency, "deliver", () -> arrive(env));
    }

    private void arrive(Envelope env) {
        String reason = downReason(env.to());
        if (reason == null) {
            reason = faults.blockedBy(env.from(), env.to());
        }
        if (reason != null) {
            drop(env, reason);
            return;
        }
        sim.trace().add(sim.now(), env.to(), EventKind.DELIVER, env.describe());
        count(Outcome.DELIVERED, env);
        handlers.get(env.to()).deliver(env.from(), env.message());
    }

    private void drop(Envelope env, String reason) {
        sim.trace().add(sim.now(), env.to(), EventKind.DROP, env.describe() + " (" + reason + ")");
        count(Outcome.DROPPED, env);
    }

    private void count(Outcome outcome, Envelope env) {
        stats.count(outcome, env.from(), env.to(), env.type(), env.bytes());
    }

    private void traceChange(String detail) {
        sim.trace().add(sim.now(), Trace.NO_NODE, EventKind.NETWORK, detail);
    }

    private void requireRegistered(int node) {
        if (!handlers.containsKey(node)) {
            throw new IllegalArgumentException(
                    "node " + node + " is not registered with the network; known: " + handlers.keySet());
        }
    }
}
