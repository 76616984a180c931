package kvlab.raft.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import kvlab.harness.cluster.Cluster;
import kvlab.harness.cluster.NodeState;
import kvlab.harness.cluster.RoleTrace;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.net.NetworkStats;
import kvlab.harness.net.SimNetwork;
import kvlab.harness.sim.Simulation;
import kvlab.raft.Entry;
import kvlab.raft.HardState;
import kvlab.raft.Message;
import kvlab.raft.sim.RaftListener;
import kvlab.raft.sim.RaftNode;
import kvlab.raft.sim.RaftNodeOptions;
import kvlab.raft.sim.RaftStatus;

/**
 * A simulated Raft cluster for the 2A cluster tests, with the helpers of MIT 6.5840's raft
 * {@code config.go} on virtual time: {@link #checkOneLeader}, {@link #checkNoLeader},
 * {@link #checkTerms}, {@link #nCommitted}, {@link #one}, and connect/disconnect/crash/restart.
 * An {@link InvariantChecker} watches every node event.
 *
 * <p>Nodes have ids {@code 1..n}; {@link #next} does 6.5840's {@code (leader + k) % servers}.
 * "Connected" means up (not crashed) and not cut off by {@link #disconnect}. Every wait is bounded in
 * virtual time and fails with what it waited for, the virtual time and the seed; nothing can hang.
 */
final class RaftCluster {
    /** Virtual milliseconds per tick: with the default options, heartbeats every 100 ms, elections after 1 to 2 s. */
    static final long TICK_MS = 50;
    /** 6.5840's {@code RaftElectionTimeout}: the shortest election timeout with the default options. */
    static final long ELECTION_TIMEOUT_MS = 1_000;
    /** How long {@link #checkOneLeader} waits for a leader. */
    static final long LEADER_LIMIT_MS = 10_000;
    /** How long {@link #one} keeps trying. */
    static final long AGREEMENT_LIMIT_MS = 10_000;
    /** How often the polling waits look at the cluster. */
    private static final long POLL_MS = 10;

    private final Simulation sim;
    private final SimNetwork network;
    private final Cluster<RaftNode> cluster;
    private final Set<Integer> disconnected = new TreeSet<>();
    private int nextStart;

    private RaftCluster(Simulation sim, int servers, NetworkConfig net, RaftNodeOptions options) {
        this.sim = sim;
        this.network = new SimNetwork(sim, net.withSizeOf(MessageSizes::of));
        List<Integer> ids = new ArrayList<>();
        for (int id = 1; id <= servers; id++) {
            ids.add(id);
        }
        RaftListener listener = new RoleTracing(new InvariantChecker(sim), new RoleTrace(sim));
        this.cluster = Cluster.start(sim, network, ids, TICK_MS, RaftNode.factory(options, listener));
    }

    /** The invariant checker, then each node's role and term traced after every event (for reports). */
    private record RoleTracing(InvariantChecker checker, RoleTrace roles) implements RaftListener {
        @Override
        public void started(RaftNode node, HardState hardState, List<Entry> log) {
            checker.started(node, hardState, log);
            roles.started(node.id());
        }

        @Override
        public void persisted(RaftNode node, Optional<HardState> hardState, List<Entry> entries) {
            checker.persisted(node, hardState, entries);
        }

        @Override
        public void applied(RaftNode node, Entry entry) {
            checker.applied(node, entry);
        }

        @Override
        public void eventDone(RaftNode node) {
            checker.eventDone(node);
            RaftStatus status = node.status();
            roles.observe(node.id(), status.role().name(), status.term());
        }
    }

    /** {@code servers} nodes with the default options on a reliable network. */
    static RaftCluster start(Simulation sim, int servers) {
        return start(sim, servers, NetworkConfig.reliable());
    }

    /** {@code servers} nodes with the default options on the given network. */
    static RaftCluster start(Simulation sim, int servers, NetworkConfig net) {
        return start(sim, servers, net, RaftNodeOptions.defaults());
    }

    /** {@code servers} nodes with the given options and network. */
    static RaftCluster start(Simulation sim, int servers, NetworkConfig net, RaftNodeOptions options) {
        return new RaftCluster(sim, servers, net, options);
    }

    int size() {
        return cluster.ids().size();
    }

    List<Integer> ids() {
        return cluster.ids();
    }

    Simulation sim() {
        return sim;
    }

    SimNetwork network() {
        return network;
    }

    /** Changes how the network behaves from now on (message sizes stay counted by {@link MessageSizes}). */
    void configureNetwork(NetworkConfig net) {
        network.configure(net.withSizeOf(MessageSizes::of));
    }

    NetworkStats stats() {
        return network.stats();
    }

    /** The running node {@code id} (fails if it is crashed). */
    RaftNode node(int id) {
        return cluster.node(id);
    }

    /** The node {@code k} places after {@code id}, cyclically: 6.5840's {@code (id + k) % servers}. */
    int next(int id, int k) {
        return Math.floorMod(id - 1 + k, size()) + 1;
    }

    boolean isUp(int id) {
        return cluster.isUp(id);
    }

    boolean isConnected(int id) {
        return cluster.isUp(id) && !disconnected.contains(id);
    }

    /** Cuts node {@code id} off the network (it keeps running). */
    void disconnect(int id) {
        network.isolate(id);
        disconnected.add(id);
    }

    /** Undoes {@link #disconnect}. */
    void connect(int id) {
        network.reconnect(id);
        disconnected.remove(id);
    }

    /** Crashes node {@code id}: it loses everything it did not sync. */
    void crash(int id) {
        cluster.crash(id);
    }

    /** Rebuilds crashed node {@code id} from its disk. */
    void restart(int id) {
        cluster.restart(id);
    }

    /** Crashes node {@code id} if it is up, then restarts it: 6.5840's {@code start1}. */
    void crashAndRestart(int id) {
        if (cluster.isUp(id)) {
            cluster.crash(id);
        }
        cluster.restart(id);
    }

    /**
     * Counts, from now on, the messages sent that match {@code which}: a network filter (traced under
     * {@code name}) that drops nothing.
     */
    LongSupplier countSent(String name, Predicate<Message> which) {
        long[] count = new long[1];
        network.addFilter(name, (from, to, message) -> {
            if (which.test((Message) message)) {
                count[0]++;
            }
            return false;
        });
        return () -> count[0];
    }

    void runFor(long ms) {
        sim.runFor(ms);
    }

    /** The status of every connected node, in id order. */
    private List<RaftStatus> connectedStatuses() {
        List<RaftStatus> out = new ArrayList<>();
        for (int id : ids()) {
            if (isConnected(id)) {
                out.add(node(id).status());
            }
        }
        return out;
    }

    /**
     * Waits until a connected node is leader in the highest term any connected node has reached, and
     * returns its id; fails after {@link #LEADER_LIMIT_MS}. (Two leaders in one term would already
     * have failed the invariant checker.)
     */
    int checkOneLeader() {
        sim.runUntil(() -> currentLeader().isPresent(),
                "one leader among the connected nodes " + connectedIds(), LEADER_LIMIT_MS);
        return currentLeader().getAsInt();
    }

    /** The connected leader of the highest connected term, if there is one now. */
    private OptionalInt currentLeader() {
        long maxTerm = 0;
        int leader = 0;
        for (RaftStatus s : connectedStatuses()) {
            if (s.term() > maxTerm) {
                maxTerm = s.term();
                leader = 0;
            }
            if (s.term() == maxTerm && s.isLeader()) {
                leader = (int) s.id();
            }
        }
        return leader == 0 ? OptionalInt.empty() : OptionalInt.of(leader);
    }

    /** Fails if a connected node believes it is the leader. */
    void checkNoLeader() {
        for (RaftStatus s : connectedStatuses()) {
            if (s.isLeader()) {
                throw new AssertionError("expected no leader among the connected nodes " + connectedIds()
                        + ", but node " + s.id() + " is leader of term " + s.term() + where());
            }
        }
    }

    /** The term every connected node agrees on; fails if they disagree. */
    long checkTerms() {
        Set<Long> terms = new TreeSet<>();
        connectedStatuses().forEach(s -> terms.add(s.term()));
        if (terms.size() != 1) {
            throw new AssertionError("connected nodes disagree on the term: " + connectedStatuses() + where());
        }
        return terms.iterator().next();
    }

    /** How many running nodes applied {@code index}, and what (nodes that disagree fail the invariant checker). */
    Committed nCommitted(long index) {
        int count = 0;
        String command = null;
        for (int id : ids()) {
            if (cluster.state(id) != NodeState.CRASHED) {
                Optional<Entry> entry = node(id).appliedAt(index);
                if (entry.isPresent()) {
                    count++;
                    command = text(entry.get());
                }
            }
        }
        return new Committed(count, command);
    }

    /** How many nodes applied an index, and the command they applied (null if none did). */
    record Committed(int count, String command) {}

    /**
     * Proposes {@code command} to node {@code id}, like 6.5840's {@code Start} (which a disconnected
     * leader accepts too): the index it got, or empty if the node is crashed or not a leader.
     */
    OptionalLong propose(int id, String command) {
        if (cluster.state(id) == NodeState.CRASHED) {
            return OptionalLong.empty();
        }
        return node(id).propose(command.getBytes(UTF_8));
    }

    /**
     * 6.5840's {@code one}: proposes {@code command} to a leader (trying connected nodes in turn) until
     * at least {@code expectedServers} nodes applied it at the index it got. Without {@code retry} the
     * first leader that took it must get it committed within 2 s. Fails after {@link #AGREEMENT_LIMIT_MS}.
     *
     * @return the index of the committed command
     */
    long one(String command, int expectedServers, boolean retry) {
        long start = sim.now();
        while (sim.now() - start < AGREEMENT_LIMIT_MS) {
            OptionalLong index = proposeToSomeLeader(command);
            if (index.isPresent()) {
                long i = index.getAsLong();
                if (await(() -> isCommitted(i, command, expectedServers), 2_000)) {
                    return i;
                }
                if (!retry) {
                    throw new AssertionError("one(\"" + command + "\") was proposed at index " + i + " but "
                            + nCommitted(i) + " after 2000 ms; expected " + expectedServers + " nodes" + where());
                }
            } else {
                sim.runFor(50);
            }
        }
        throw new AssertionError("one(\"" + command + "\") failed to reach agreement on " + expectedServers
                + " nodes within " + AGREEMENT_LIMIT_MS + " ms" + where());
    }

    /**
     * 6.5840's {@code wait}: waits (up to {@link #AGREEMENT_LIMIT_MS}) until {@code n} nodes applied
     * {@code index}; gives up early, returning null, if {@code startTerm > 0} and some node moved past it.
     *
     * @return the command applied at {@code index}, or null if the term moved on
     */
    String await(long index, int n, long startTerm) {
        long start = sim.now();
        while (sim.now() - start < AGREEMENT_LIMIT_MS) {
            Committed c = nCommitted(index);
            if (c.count() >= n) {
                return c.command();
            }
            if (startTerm > 0 && termMovedPast(startTerm)) {
                return null;
            }
            sim.runFor(POLL_MS);
        }
        throw new AssertionError("only " + nCommitted(index).count() + " nodes applied index " + index
                + " within " + AGREEMENT_LIMIT_MS + " ms; expected " + n + where());
    }

    /** Runs the simulation until {@code condition} holds or {@code limitMs} passed; returns whether it held. */
    boolean await(BooleanSupplier condition, long limitMs) {
        long deadline = sim.now() + limitMs;
        while (!condition.getAsBoolean()) {
            if (sim.now() >= deadline) {
                return false;
            }
            sim.runFor(Math.min(POLL_MS, deadline - sim.now()));
        }
        return true;
    }

    /** " (virtual time T ms; seed S ...)", for failure messages. */
    String where() {
        return " (at virtual time " + sim.now() + " ms; " + sim.replayHint() + ")";
    }

    static String text(Entry e) {
        return new String(e.data(), UTF_8);
    }

    private boolean isCommitted(long index, String command, int expectedServers) {
        Committed c = nCommitted(index);
        return c.count() > 0 && c.count() >= expectedServers && command.equals(c.command());
    }

    /** Proposes {@code command} to the connected nodes in turn until a leader takes it: the index it got. */
    OptionalLong proposeToSomeLeader(String command) {
        for (int tries = 0; tries < size(); tries++) {
            nextStart = (nextStart + 1) % size();
            int id = ids().get(nextStart);
            OptionalLong index = isConnected(id) ? propose(id, command) : OptionalLong.empty();
            if (index.isPresent()) {
                return index;
            }
        }
        return OptionalLong.empty();
    }

    private boolean termMovedPast(long term) {
        for (int id : ids()) {
            if (cluster.isUp(id) && node(id).status().term() > term) {
                return true;
            }
        }
        return false;
    }

    private List<Integer> connectedIds() {
        List<Integer> out = new ArrayList<>();
        for (int id : ids()) {
            if (isConnected(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
