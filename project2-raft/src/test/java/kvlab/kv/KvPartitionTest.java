package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Network partitions (MIT 6.5840 4A partition scenarios): a majority makes progress, a minority does
 * not, and after healing everything completes; the history stays linearizable throughout.
 */
@ExtendWith(SimulationExtension.class)
class KvPartitionTest {

    @Graded(part = "2b", points = 4, order = 10)
    void onePartitionMajorityProgressesMinorityDoesNot(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.reliable(), 4, new Workload.Keys(2, 2));
        c.runFor(3_000);
        int leader = c.leader();
        assertThat(leader).as("a leader after 3 s").isNotZero();
        // The old leader goes to the minority, with clients 1 and 3; clients 0 and 2 stay with the majority.
        Set<Integer> minority = new TreeSet<>(List.of(leader, next(leader, 1)));
        Set<Integer> majority = new TreeSet<>(c.servers());
        majority.removeAll(minority);
        c.partition(majority, minority);
        c.runFor(50); // answers already in flight (latency is at most 5 ms) may still arrive
        long[] atPartition = completedPerClient(c);
        c.runFor(3_000); // the majority elects a new leader; the minority's requests stay stuck
        long[] before = completedPerClient(c);
        c.runFor(5_000);
        long[] after = completedPerClient(c);
        assertThat(after[0] + after[2]).as("operations the majority's clients completed during the partition")
                .isGreaterThan(before[0] + before[2] + 20);
        assertThat(after[1] + after[3]).as("operations the minority's clients completed during the partition")
                .isEqualTo(atPartition[1] + atPartition[3]);
        c.finish();
    }

    @Graded(part = "2b", points = 4, order = 11)
    void manyPartitionsOneClient(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.reliable(), 1, new Workload.Keys(2, 1));
        randomPartitions(c, sim.random("partitions"), 16);
        c.finish();
    }

    @Graded(part = "2b", points = 4, order = 12)
    void manyPartitionsManyClients(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.reliable(), 5, new Workload.Keys(3, 2));
        randomPartitions(c, sim.random("partitions"), 16);
        c.finish();
        assertThat(c.completed()).as("operations completed across the partitions").isGreaterThan(100);
    }

    @Graded(part = "2b", points = 4, order = 13)
    void manyPartitionsUnreliable(Simulation sim) {
        KvCluster c = KvCluster.start(sim, 5, NetworkConfig.unreliable(), 5, new Workload.Keys(3, 2));
        randomPartitions(c, sim.random("partitions"), 16);
        c.finish();
    }

    /** {@code rounds} times: a random two-way split of the peers for 1 s, then 0.5 s healed. */
    static void randomPartitions(KvCluster c, RandomGenerator random, int rounds) {
        for (int round = 0; round < rounds; round++) {
            List<Integer> shuffled = new ArrayList<>(c.servers());
            for (int i = shuffled.size() - 1; i > 0; i--) {
                Collections.swap(shuffled, i, random.nextInt(i + 1));
            }
            int cut = 1 + random.nextInt(shuffled.size() - 1);
            c.partition(new TreeSet<>(shuffled.subList(0, cut)), new TreeSet<>(shuffled.subList(cut, shuffled.size())));
            c.runFor(1_000);
            c.network().healAll();
            c.runFor(500);
        }
    }

    private static int next(int id, int k) {
        return Math.floorMod(id - 1 + k, 5) + 1;
    }

    private static long[] completedPerClient(KvCluster c) {
        return c.workloads().stream().mapToLong(w -> w.client().completed()).toArray();
    }
}
