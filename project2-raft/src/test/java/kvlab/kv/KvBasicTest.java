package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;

import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store without crashes (MIT 6.5840 4A, TinyKV 2B basic scenarios): every scenario records the
 * client history, checks it is linearizable and that each client's appends appear exactly once and in
 * order, and ends with a liveness phase (see {@link KvCluster#finish}).
 */
@ExtendWith(SimulationExtension.class)
class KvBasicTest {

    @Graded(part = "2b", points = 3, order = 1)
    void oneClient(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 3, NetworkConfig.reliable(), 1, new Workload.Keys(2, 1));
        c.runFor(5_000);
        assertThat(c.completed()).as("operations one client completed in 5 s on a healthy cluster")
                .isGreaterThan(50);
        c.finish();
    }

    @Graded(part = "2b", points = 3, order = 2)
    void concurrentClients(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.reliable(), 5, new Workload.Keys(3, 2));
        c.runFor(5_000);
        assertThat(c.completed()).as("operations five clients completed in 5 s").isGreaterThan(150);
        c.finish();
    }

    @Graded(part = "2b", points = 3, order = 3)
    void unreliableNetwork(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.unreliable(), 5, new Workload.Keys(3, 2));
        c.runFor(8_000);
        assertThat(c.completed()).as("operations completed in 8 s over a lossy network").isGreaterThan(40);
        c.finish();
    }

    @Graded(part = "2b", points = 3, order = 4)
    void unreliableOneHotKey(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 3, NetworkConfig.unreliable(), 3, new Workload.Keys(0, 1));
        c.runFor(8_000);
        c.finish();
        assertThat(c.completed()).as("operations on the one hot key").isGreaterThan(40);
    }

    @Graded(part = "2b", points = 2, order = 5)
    void leaderChangesWhileClientsWait(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.reliable(), 3, new Workload.Keys(2, 1));
        for (int round = 0; round < 4; round++) {
            c.runFor(2_000);
            int leader = c.leader();
            assertThat(leader).as("a leader after 2 s of healthy cluster (round %d)", round).isNotZero();
            c.crash(leader);
            c.runFor(3_000);
            c.restart(leader);
        }
        c.finish();
    }
}
