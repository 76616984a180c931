package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import kvlab.harness.cluster.NodeFactory;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;

/**
 * The read scenarios of part 2B, public so that the framework's broken-variant tests
 * ({@code kvlab.kv.broken}) can run them against deliberately broken servers. Each ends with
 * {@link KvCluster#finish}: liveness, exactly-once appends, linearizability and replica agreement.
 */
public final class ReadScenarios {
    private ReadScenarios() {}

    /**
     * Writers fill the store, stop; then read-only clients run on a healthy cluster. Fails unless the
     * reads complete and leave every peer's log exactly as it was (no entry appended for a read).
     */
    public static void readsAreNotLogged(Simulation sim, NodeFactory<KvServer> servers) {
        KvCluster c = KvCluster.start(sim, 3, NetworkConfig.reliable(), servers, 2, new Workload.Keys(2, 1));
        c.runFor(2_000);
        c.quiesce();
        long before = c.completed();
        TreeMap<Integer, Long> logBefore = lastIndexes(c);
        c.addClients(3, new Workload.Keys(2, 1), true);
        c.runFor(2_000);
        c.quiesce();
        assertThat(c.completed() - before).as("reads completed by the read-only clients in 2 s").isGreaterThan(50);
        assertThat(lastIndexes(c)).as("each peer's last log index before and after a read-only load: reads must "
                + "go through ReadIndex, not the log").isEqualTo(logBefore);
        c.finish();
    }

    /**
     * Mixed clients write while read-only clients read, across random partitions of five peers, on a
     * {@code net} network. A node that serves reads from its own store without confirming leadership
     * returns stale values here, which the linearizability check reports.
     */
    public static void readOnlyLoadDuringPartitions(Simulation sim, NodeFactory<KvServer> servers, NetworkConfig net) {
        Workload.Keys keys = new Workload.Keys(2, 1);
        KvCluster c = KvCluster.start(sim, 5, net, servers, 2, keys);
        c.runFor(1_000);
        c.addClients(3, keys, true);
        KvPartitionTest.randomPartitions(c, sim.random("partitions"), 10);
        c.finish();
        assertThat(c.completed()).as("operations completed across the partitions").isGreaterThan(100);
    }

    private static TreeMap<Integer, Long> lastIndexes(KvCluster c) {
        TreeMap<Integer, Long> last = new TreeMap<>();
        List<Integer> ids = c.servers();
        ids.forEach(id -> last.put(id, c.peer(id).status().lastIndex()));
        return last;
    }
}
