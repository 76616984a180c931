package kvlab.harness.bench;

import java.util.Arrays;
import java.util.List;
import kvlab.harness.cluster.Cluster;
import kvlab.harness.cluster.NodeContext;
import kvlab.harness.cluster.SimNode;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.net.SimNetwork;
import kvlab.harness.sim.Simulation;
import kvlab.harness.trace.Trace;

/**
 * Measures the kernel's speed: simulation events per wall-clock second on a 5-node all-to-all ping
 * scenario (every node pings every other node on each 1 ms tick; every ping is answered), with the
 * trace and its digest on, as in tests.
 *
 * <p>This is not simulated code: it reads {@link System#nanoTime()} to time whole runs, never to
 * drive the simulation. It lives with the tests, out of the harness jar; run it as the README's
 * "Kernel and checker benchmarks" says.
 */
public final class KernelBenchmark {
    private static final int NODES = 5;
    private static final long VIRTUAL_MS_PER_RUN = 20_000;
    private static final int WARM_UP_RUNS = 3;
    private static final int MEASURED_RUNS = 5;

    /** A ping or its answer. */
    record Ping(int round, boolean reply) {}

    /** Pings all peers each tick and answers every ping. */
    static final class PingNode implements SimNode {
        private final NodeContext ctx;
        private int round;

        PingNode(NodeContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void onMessage(int from, Object message) {
            Ping ping = (Ping) message;
            if (!ping.reply()) {
                ctx.send(from, new Ping(ping.round(), true));
            }
        }

        @Override
        public void onTick() {
            round++;
            for (int peer : ctx.peers()) {
                ctx.send(peer, new Ping(round, false));
            }
        }
    }

    private KernelBenchmark() {}

    /** Warms up, then prints events per second for each measured run and their median. */
    public static void main(String[] args) {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            runOnce(i);
        }
        double[] rates = new double[MEASURED_RUNS];
        for (int i = 0; i < MEASURED_RUNS; i++) {
            rates[i] = runOnce(100 + i);
            System.out.printf("run %d: %,.0f events/s%n", i + 1, rates[i]);
        }
        Arrays.sort(rates);
        System.out.printf("median: %,.0f scheduler+network events/s (%d nodes all-to-all ping, trace on)%n",
                rates[MEASURED_RUNS / 2], NODES);
    }

    /** One run; returns events per wall-clock second. */
    private static double runOnce(long seed) {
        Simulation sim = new Simulation(seed, new Trace(10_000));
        SimNetwork network = new SimNetwork(sim, NetworkConfig.reliable());
        Cluster.start(sim, network, List.of(1, 2, 3, 4, 5), 1, PingNode::new);
        long start = System.nanoTime();
        sim.runFor(VIRTUAL_MS_PER_RUN);
        long elapsed = System.nanoTime() - start;
        return sim.eventsRun() / (elapsed / 1e9);
    }
}
