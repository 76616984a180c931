package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kvlab.harness.cluster.NodeFactory;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;
import kvlab.raft.Message;

/**
 * The snapshot scenarios of part 2C that the framework's broken-variant tests ({@code kvlab.kv.broken})
 * also run, against deliberately broken servers; public for that reason. Each ends with
 * {@link KvCluster#finish}: liveness, exactly-once appends, linearizability and replica agreement.
 */
public final class SnapshotScenarios {
    private SnapshotScenarios() {}

    /**
     * The de-duplication table travels in the snapshot: one client's write acknowledgements are lost, so
     * it keeps retrying a write already applied; meanwhile both followers fall behind in turn and are
     * caught up by snapshots taken after that write; then the leader crashes, and one of them answers the
     * retry. A snapshot without the table applies the write a second time. Three rounds, on three peers
     * that compact beyond a handful of entries ({@code servers} decides how many).
     */
    public static void snapshotKeepsDeduplication(Simulation sim, NodeFactory<KvServer> servers) {
        KvCluster c = KvCluster.start(sim, 3, NetworkConfig.reliable(), servers, 3, new Workload.Keys(0, 2));
        int victim = c.workloads().get(0).client().id();
        String filter = "write acknowledgements to client " + victim;
        c.runFor(500);
        for (int round = 0; round < 3; round++) {
            c.sim().runUntil(() -> c.leader() != 0, "a leader for round " + round, 5_000);
            int leader = c.leader();
            c.network().addFilter(filter, (from, to, message) ->
                    to == victim && message instanceof KvResponse r && r.status() == Status.OK && r.value() == null);
            c.runFor(500);
            long snapshots = snapshotsDelivered(c);
            List<Integer> followers = c.servers().stream().filter(id -> id != leader).toList();
            for (int follower : followers) {
                c.network().isolate(follower);
                c.runFor(1_000);
                c.network().reconnect(follower);
                c.runFor(500);
            }
            assertThat(snapshotsDelivered(c) - snapshots).as("snapshots delivered to the two followers in round %d",
                    round).isGreaterThanOrEqualTo(2);
            c.crash(leader);
            c.network().removeFilter(filter);
            c.runFor(2_000);
            c.restart(leader);
            c.runFor(500);
        }
        c.finish();
    }

    /** How many InstallSnapshot messages the network delivered so far. */
    static long snapshotsDelivered(KvCluster c) {
        return c.network().stats().ofType(Message.InstallSnapshot.class).delivered();
    }
}
