package kvlab.harness.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.net.SimNetwork;
import kvlab.harness.sim.EventHandle;
import kvlab.harness.sim.Simulation;
import kvlab.harness.trace.EventKind;
import kvlab.harness.trace.Trace;

/**
 * A set of nodes running in one {@link Simulation} over one {@link SimNetwork}, each with its own
 * {@link SimDisk}, and the test's controls over their lives: crash, restart, pause, resume.
 *
 * <p>Contract:
 * <ol>
 *   <li>{@link #start} builds every node with the factory, then ticks every node that is
 *       {@link NodeState#UP} once per tick interval, in id order, as one traced TICK round (one
 *       trace line per round listing the nodes ticked, which keeps long traces small while the
 *       digest still pins down every tick). Ticks missed while paused or crashed are not replayed.
 *   <li>{@link #crash}: the node object is dropped, its pending timers never fire, the network drops
 *       its traffic, and its disk loses every unsynced operation.
 *   <li>{@link #restart}: a new node object is built by the factory, with a fresh
 *       {@link NodeContext}, on the same disk (now holding only its durable state).
 *   <li>{@link #pause}: the node keeps its memory but gets no messages (the network drops them), no
 *       ticks, and its due timers wait; {@link #resume} runs those timers at once, in due order.
 *   <li>A method called in the wrong state (e.g. restart of a node that is up) throws
 *       {@link IllegalStateException} naming the node and its state.
 * </ol>
 *
 * @param <N> the node type, so that {@link #node(int)} needs no cast
 */
public final class Cluster<N extends SimNode> {
    private final Simulation sim;
    private final SimNetwork network;
    private final NodeFactory<N> factory;
    private final long tickIntervalMs;
    private final Map<Integer, Member<N>> members = new TreeMap<>();

    private Cluster(Simulation sim, SimNetwork network, NodeFactory<N> factory, long tickIntervalMs) {
        this.sim = sim;
        this.network = network;
        this.factory = factory;
        this.tickIntervalMs = tickIntervalMs;
    }

    /**
     * Registers {@code ids} with the network, builds each node (in id order) and starts ticking.
     *
     * @param ids distinct, not negative
     * @param tickIntervalMs virtual milliseconds between tick rounds, positive
     */
    public static <N extends SimNode> Cluster<N> start(
            Simulation sim, SimNetwork network, List<Integer> ids, long tickIntervalMs, NodeFactory<N> factory) {
        if (tickIntervalMs <= 0) {
            throw new IllegalArgumentException("tick interval must be positive, was " + tickIntervalMs);
        }
        Cluster<N> cluster = new Cluster<>(Objects.requireNonNull(sim, "sim"),
                Objects.requireNonNull(network, "network"), Objects.requireNonNull(factory, "factory"), tickIntervalMs);
        for (int id : ids) {
            cluster.add(id);
        }
        for (Member<N> m : cluster.members.values()) {
            sim.trace().add(sim.now(), m.id, EventKind.START, "incarnation " + m.incarnation);
            m.node = factory.create(cluster.new Context(m));
        }
        sim.schedule(tickIntervalMs, "tick", cluster::tickRound);
        return cluster;
    }

    /** The node ids, sorted. */
    public List<Integer> ids() {
        return List.copyOf(members.keySet());
    }

    /** The running node object with this id (also while paused). */
    public N node(int id) {
        Member<N> m = member(id);
        if (m.state == NodeState.CRASHED) {
            throw new IllegalStateException("node " + id + " is crashed: there is no node object until restart");
        }
        return m.node;
    }

    /** Whether the node is up (neither paused nor crashed). */
    public boolean isUp(int id) {
        return member(id).state == NodeState.UP;
    }

    /** The node's state. */
    public NodeState state(int id) {
        return member(id).state;
    }

    /** The node's disk, which outlives its crashes. */
    public SimDisk disk(int id) {
        return member(id).disk;
    }

    /** The network the nodes talk over. */
    public SimNetwork network() {
        return network;
    }

    /** The simulation the cluster runs in. */
    public Simulation simulation() {
        return sim;
    }

    /** Crashes a node that is up or paused. */
    public void crash(int id) {
        Member<N> m = member(id);
        requireState(m, "crash", NodeState.UP, NodeState.PAUSED);
        m.state = NodeState.CRASHED;
        m.node = null;
        m.incarnation++;
        m.deferred.clear();
        network.markDown(id, "crashed");
        int lost = m.disk.crash();
        sim.trace().add(sim.now(), id, EventKind.CRASH, "lost " + lost + " unsynced disk operations");
    }

    /** Rebuilds a crashed node from its disk. */
    public void restart(int id) {
        Member<N> m = member(id);
        requireState(m, "restart", NodeState.CRASHED);
        m.state = NodeState.UP;
        network.markUp(id);
        sim.trace().add(sim.now(), id, EventKind.RESTART, "incarnation " + m.incarnation);
        m.node = factory.create(new Context(m));
    }

    /** Freezes a node that is up. */
    public void pause(int id) {
        Member<N> m = member(id);
        requireState(m, "pause", NodeState.UP);
        m.state = NodeState.PAUSED;
        network.markDown(id, "paused");
        sim.trace().add(sim.now(), id, EventKind.PAUSE, "");
    }

    /** Unfreezes a paused node and runs the timers that fell due while it was paused. */
    public void resume(int id) {
        Member<N> m = member(id);
        requireState(m, "resume", NodeState.PAUSED);
        m.state = NodeState.UP;
        network.markUp(id);
        sim.trace().add(sim.now(), id, EventKind.RESUME, m.deferred.size() + " deferred timers");
        List<NodeTimer> due = new ArrayList<>(m.deferred);
        m.deferred.clear();
        due.forEach(NodeTimer::run);
    }

    private void add(int id) {
        if (members.containsKey(id)) {
            throw new IllegalArgumentException("duplicate node id " + id);
        }
        Member<N> m = new Member<>(id, new SimDisk(), sim.random("node-" + id));
        members.put(id, m);
        network.register(id, (from, message) -> deliver(m, from, message));
    }

    private void deliver(Member<N> m, int from, Object message) {
        if (m.state != NodeState.UP) {
            throw new IllegalStateException("network delivered to node " + m.id + " while " + m.state);
        }
        m.node.onMessage(from, message);
    }

    private void tickRound() {
        List<Member<N>> up = new ArrayList<>();
        for (Member<N> m : members.values()) {
            if (m.state == NodeState.UP) {
                up.add(m);
            }
        }
        sim.trace().add(sim.now(), Trace.NO_NODE, EventKind.TICK, "ticked " + idsOf(up));
        for (Member<N> m : up) {
            m.node.onTick();
        }
        sim.schedule(tickIntervalMs, "tick", this::tickRound);
    }

    private static <N extends SimNode> List<Integer> idsOf(List<Member<N>> list) {
        List<Integer> ids = new ArrayList<>(list.size());
        list.forEach(m -> ids.add(m.id));
        return ids;
    }

    private Member<N> member(int id) {
        Member<N> m = members.get(id);
        if (m == null) {
            throw new IllegalArgumentException("no node " + id + " in this cluster; ids are " + members.keySet());
        }
        return m;
    }

    private static void requireState(Member<?> m, String action, NodeState... allowed) {
        for (NodeState s : allowed) {
            if (m.state == s) {
                return;
            }
        }
        throw new IllegalStateException("cannot " + action + " node " + m.id + ": it is " + m.state);
    }

    /** One node slot: outlives the node objects built for it. */
    private static final class Member<N extends SimNode> {
        final int id;
        final SimDisk disk;
        final RandomGenerator random;
        final List<NodeTimer> deferred = new ArrayList<>();
        NodeState state = NodeState.UP;
        N node;
        /** Bumped at each crash, so that contexts and timers of dead incarnations do nothing. */
        int incarnation = 1;

        Member(int id, SimDisk disk, RandomGenerator random) {
            this.id = id;
            this.disk = disk;
            this.random = random;
        }
    }

    /** The context of one incarnation of one node. */
    private final class Context implements NodeContext {
        private final Member<N> member;
        private final int incarnation;

        Context(Member<N> member) {
            this.member = member;
            this.incarnation = member.incarnation;
        }

        @Override
        public int id() {
            return member.id;
        }

        @Override
        public List<Integer> peers() {
            List<Integer> peers = new ArrayList<>(members.keySet());
            peers.remove(Integer.valueOf(member.id));
            return List.copyOf(peers);
        }

        @Override
        public SimDisk disk() {
            return member.disk;
        }

        @Override
        public void send(int to, Object message) {
            if (member.incarnation != incarnation) {
                throw new IllegalStateException("node " + member.id + " (incarnation " + incarnation
                        + ") sent " + message + " after it crashed: a dead node object is still being used");
            }
            network.send(member.id, to, message);
        }

        @Override
        public RandomGenerator random() {
            return member.random;
        }

        @Override
        public long now() {
            return sim.now();
        }

        @Override
        public EventHandle schedule(long delayMs, String label, Runnable action) {
            NodeTimer timer = new NodeTimer(member, incarnation, action);
            timer.scheduled = sim.schedule(delayMs, label, timer::run);
            return timer;
        }

        @Override
        public void trace(String detail) {
            sim.trace().add(sim.now(), member.id, EventKind.NOTE, detail);
        }
    }

    /** A node's timer: dies with its incarnation and waits while the node is paused. */
    private static final class NodeTimer implements EventHandle {
        private final Member<?> member;
        private final int incarnation;
        private final Runnable action;
        private EventHandle scheduled;
        private boolean cancelled;
        private boolean ran;

        NodeTimer(Member<?> member, int incarnation, Runnable action) {
            this.member = member;
            this.incarnation = incarnation;
            this.action = Objects.requireNonNull(action, "action");
        }

        void run() {
            if (!isPending()) {
                return;
            }
            if (member.state == NodeState.PAUSED) {
                member.deferred.add(this);
                return;
            }
            ran = true;
            action.run();
        }

        @Override
        public boolean cancel() {
            boolean wasPending = isPending();
            cancelled = true;
            scheduled.cancel();
            return wasPending;
        }

        @Override
        public boolean isPending() {
            return !cancelled && !ran && member.incarnation == incarnation;
        }

        @Override
        public long time() {
            return scheduled.time();
        }
    }
}
