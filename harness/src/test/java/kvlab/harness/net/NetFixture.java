package kvlab.harness.net;

import java.util.ArrayList;
import java.util.List;
import kvlab.harness.sim.Simulation;

/** A network of nodes 1..n whose handlers record what they receive. */
final class NetFixture {
    record Ping(int n) {}

    record Pong(int n) {}

    /** One delivery as seen by the receiver. */
    record Received(long time, int from, int to, Object message) {}

    final Simulation sim;
    final SimNetwork net;
    final List<Received> received = new ArrayList<>();

    NetFixture(long seed, NetworkConfig config, int nodes) {
        sim = new Simulation(seed);
        net = new SimNetwork(sim, config);
        for (int id = 1; id <= nodes; id++) {
            int to = id;
            net.register(id, (from, message) -> received.add(new Received(sim.now(), from, to, message)));
        }
    }

    /** Sends one Ping on every ordered pair of distinct nodes, runs until all landed, returns "from->to" of arrivals. */
    List<String> allPairsDelivered(int nodes) {
        received.clear();
        for (int from = 1; from <= nodes; from++) {
            for (int to = 1; to <= nodes; to++) {
                if (from != to) {
                    net.send(from, to, new Ping(0));
                }
            }
        }
        sim.runFor(1_000);
        List<String> links = new ArrayList<>();
        received.forEach(r -> links.add(r.from() + "->" + r.to()));
        links.sort(null);
        return links;
    }
}
