package kvlab.harness.cluster;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.net.SimNetwork;
import kvlab.harness.sim.Simulation;
import kvlab.harness.trace.Trace;

/**
 * A busy, fault-heavy run used to check determinism: five gossiping nodes that log to disk, use
 * timers and randomness, over an unreliable network, with a random fault every 50 ms (partitions,
 * cuts, isolation, filters, crashes, restarts, pauses, resumes, heals).
 */
final class BusyScenario {
    static final List<Integer> IDS = List.of(1, 2, 3, 4, 5);

    record Gossip(int origin, long counter, String value) {}

    record Ack(long counter) {}

    /** Gossips on ticks, logs what it hears, syncs at random, answers with acks. */
    static final class GossipNode implements SimNode {
        private final NodeContext ctx;
        private long counter;

        GossipNode(NodeContext ctx) {
            this.ctx = ctx;
            // Rebuild from the durable log: one line per gossip heard before the crash.
            this.counter = ctx.disk().read("log").map(b -> new String(b, StandardCharsets.UTF_8))
                    .map(s -> s.lines().count()).orElse(0L);
            ctx.trace("recovered counter " + counter);
        }

        @Override
        public void onMessage(int from, Object message) {
            if (message instanceof Gossip g) {
                ctx.disk().append("log", (g + "\n").getBytes(StandardCharsets.UTF_8));
                if (ctx.random().nextInt(4) == 0) {
                    ctx.disk().sync();
                }
                ctx.send(from, new Ack(g.counter()));
            }
        }

        @Override
        public void onTick() {
            RandomGenerator r = ctx.random();
            List<Integer> peers = ctx.peers();
            for (int i = 0; i < 2; i++) {
                counter++;
                ctx.send(peers.get(r.nextInt(peers.size())), new Gossip(ctx.id(), counter, "v" + r.nextInt(1000)));
            }
            if (r.nextInt(10) == 0) {
                ctx.schedule(r.nextInt(1, 40), "ping-all", () -> peers.forEach(p -> ctx.send(p, new Ack(-counter))));
            }
        }
    }

    private BusyScenario() {}

    /** Runs the scenario for {@code virtualMs} with the given seed and trace. */
    static Simulation run(long seed, Trace trace, long virtualMs) {
        Simulation sim = new Simulation(seed, trace);
        start(sim);
        sim.runFor(virtualMs);
        return sim;
    }

    /** Starts the scenario without running it: the cluster and its fault schedule. */
    static Cluster<GossipNode> start(Simulation sim) {
        SimNetwork network = new SimNetwork(sim, NetworkConfig.unreliable());
        Cluster<GossipNode> cluster = Cluster.start(sim, network, IDS, 10, GossipNode::new);
        IDS.forEach(id -> cluster.disk(id).enableTornWrites(sim.random("disk-" + id)));
        scheduleFaults(cluster, sim.random("faults"));
        return cluster;
    }

    private static void scheduleFaults(Cluster<GossipNode> cluster, RandomGenerator r) {
        cluster.simulation().schedule(50, "fault", () -> {
            injectFault(cluster, r);
            scheduleFaults(cluster, r);
        });
    }

    private static void injectFault(Cluster<GossipNode> cluster, RandomGenerator r) {
        SimNetwork net = cluster.network();
        int node = IDS.get(r.nextInt(IDS.size()));
        switch (r.nextInt(10)) {
            case 0 -> {
                int next = node % IDS.size() + 1;
                Set<Integer> rest = new TreeSet<>(IDS);
                rest.removeAll(Set.of(node, next));
                net.partition(Set.of(node, next), rest);
            }
            case 1 -> net.cut(node, IDS.get(r.nextInt(IDS.size())));
            case 2 -> net.cutOneWay(node, IDS.get(r.nextInt(IDS.size())));
            case 3 -> net.isolate(node);
            case 4 -> net.ignore(Ack.class);
            case 5 -> {
                net.healAll();
                net.removeFilter("ignore Ack");
            }
            case 6 -> toggleCrash(cluster, node);
            case 7 -> togglePause(cluster, node);
            case 8 -> cluster.ids().stream().filter(id -> cluster.state(id) == NodeState.PAUSED)
                    .forEach(cluster::resume);
            default -> cluster.simulation().note("quiet period");
        }
    }

    private static void toggleCrash(Cluster<GossipNode> cluster, int node) {
        if (cluster.state(node) == NodeState.CRASHED) {
            cluster.restart(node);
        } else {
            cluster.crash(node);
        }
    }

    private static void togglePause(Cluster<GossipNode> cluster, int node) {
        switch (cluster.state(node)) {
            case UP -> cluster.pause(node);
            case PAUSED -> cluster.resume(node);
            case CRASHED -> cluster.restart(node);
        }
    }
}
