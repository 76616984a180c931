package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crashes and restarts (MIT 6.5840 4A persistence scenarios): a restarted peer has only what its disk
 * held, so its Raft log and its store must agree on what was applied; nothing acknowledged may be lost
 * or applied twice.
 */
@ExtendWith(SimulationExtension.class)
class KvPersistenceTest {

    @Graded(part = "2b", points = 3, order = 20)
    void persistenceOneClient(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.reliable(), 1, new Workload.Keys(2, 1));
        crashAllRepeatedly(c, 5);
        c.finish();
    }

    @Graded(part = "2b", points = 3, order = 21)
    void persistenceConcurrentClients(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.reliable(), 5, new Workload.Keys(3, 2));
        crashRandomly(c, sim.random("crashes"), 20);
        c.finish();
    }

    @Graded(part = "2b", points = 3, order = 22)
    void persistenceUnreliable(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.unreliable(), 5, new Workload.Keys(3, 2));
        crashRandomly(c, sim.random("crashes"), 20);
        c.finish();
    }

    @Graded(part = "2b", points = 4, order = 23)
    void persistencePartitionsAndCrashes(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.unreliable(), 5, new Workload.Keys(3, 2));
        RandomGenerator random = sim.random("faults");
        for (int round = 0; round < 6; round++) {
            KvPartitionTest.randomPartitions(c, random, 2);
            crashRandomly(c, random, 2);
        }
        c.finish();
    }

    @Graded(part = "2b", points = 3, order = 24)
    void crashOfAllNodesThenRecovery(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 3, NetworkConfig.reliable(), 3, new Workload.Keys(2, 2));
        c.runFor(4_000);
        long applied = c.peer(c.leader()).appliedIndex();
        assertThat(applied).as("entries the leader applied in 4 s").isGreaterThan(50);
        for (int id : c.servers()) {
            c.crash(id);
        }
        c.runFor(50); // answers already in flight (latency is at most 5 ms) may still arrive
        long stuck = c.completed();
        c.runFor(2_000);
        assertThat(c.completed()).as("operations completed while every peer was down").isEqualTo(stuck);
        for (int id : c.servers()) {
            c.restart(id);
        }
        c.runFor(4_000);
        assertThat(c.completed()).as("operations completed after every peer restarted").isGreaterThan(stuck + 20);
        c.finish();
    }

    /** {@code rounds} times: run 1 s, crash every peer, restart them all. */
    private static void crashAllRepeatedly(KvCluster c, int rounds) {
        for (int round = 0; round < rounds; round++) {
            c.runFor(1_000);
            for (int id : c.servers()) {
                c.crash(id);
            }
            c.runFor(200);
            for (int id : c.servers()) {
                c.restart(id);
            }
        }
        c.runFor(1_000);
    }

    /** {@code rounds} times: crash one or two random up peers, run 700 ms, restart them. */
    static void crashRandomly(KvCluster c, RandomGenerator random, int rounds) {
        for (int round = 0; round < rounds; round++) {
            int victims = 1 + random.nextInt(2);
            List<Integer> crashed = new ArrayList<>();
            for (int v = 0; v < victims; v++) {
                int id = c.servers().get(random.nextInt(c.servers().size()));
                if (c.isUp(id)) {
                    c.crash(id);
                    crashed.add(id);
                }
            }
            c.runFor(700);
            crashed.forEach(c::restart);
            c.runFor(300);
        }
    }
}
