package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Part 2C, the store with log compaction (TinyKV 2C and MIT 6.5840 4B scenarios, our code): peers
 * compact beyond {@value #LOG_LIMIT} applied entries, followers that lag behind the compaction get the
 * leader's snapshot, and restarts start from a snapshot. Every scenario also ends with the checks of
 * {@link KvCluster#finish} (linearizability, appends exactly once and in order, replicas agree) and
 * requires that the peers did compact.
 */
@ExtendWith(SimulationExtension.class)
class KvSnapshotTest {
    static final long LOG_LIMIT = 50;
    /** Far less than the ~60 bytes per entry that 20 limits' worth of entries would take uncompacted. */
    private static final long MAX_RAFT_DISK_BYTES = 16 * 1024;

    private static KvCluster start(Simulation sim, int servers, NetworkConfig net, int clients, Workload.Keys keys) {
        return KvCluster.start(sim, servers, net, KvServer.compacting(LOG_LIMIT), clients, keys);
    }

    /** The checks of {@link KvCluster#finish}, then: every peer compacted its log at least once. */
    private static void finishCompacted(KvCluster c) {
        c.finish();
        for (int id : c.servers()) {
            assertThat(c.peer(id).truncatedIndex()).as("entries compacted away on peer %d (applied %d, limit %d)",
                    id, c.peer(id).appliedIndex(), LOG_LIMIT).isPositive();
        }
    }

    @Graded(part = "2c", points = 3, order = 10)
    void oneSnapshot(Simulation sim) {
        KvCluster c = start(sim, 3, NetworkConfig.reliable(), 1, new Workload.Keys(2, 1));
        c.runFor(5_000);
        finishCompacted(c);
    }

    @Graded(part = "2c", points = 4, order = 11)
    void logSizeStaysBounded(Simulation sim) {
        KvCluster c = start(sim, 5, NetworkConfig.reliable(), 5, new Workload.Keys(3, 0));
        long maxLogBytes = 0;
        for (int sample = 0; sample < 50; sample++) {
            c.runFor(200);
            for (int id : c.servers()) {
                long applied = c.peer(id).appliedIndex();
                long truncated = c.peer(id).truncatedIndex();
                assertThat(applied - truncated).as("applied entries still in peer %d's log (applied %d, truncated %d)",
                        id, applied, truncated).isLessThanOrEqualTo(LOG_LIMIT);
                maxLogBytes = Math.max(maxLogBytes, c.raftLogBytes(id));
            }
        }
        long applied = c.peer(c.leader()).appliedIndex();
        assertThat(applied).as("entries applied in 10 s").isGreaterThan(20 * LOG_LIMIT);
        assertThat(maxLogBytes).as("largest Raft state on any peer's disk, after %d entries", applied)
                .isLessThan(MAX_RAFT_DISK_BYTES);
        c.finish();
    }

    @Graded(part = "2c", points = 4, order = 12)
    void followerFarBehindCatchesUpBySnapshot(Simulation sim) {
        KvCluster c = start(sim, 3, NetworkConfig.reliable(), 5, new Workload.Keys(3, 2));
        c.runFor(2_000);
        int leader = c.leader();
        assertThat(leader).as("a leader after 2 s").isNotZero();
        int lagging = c.servers().stream().filter(id -> id != leader).findFirst().orElseThrow();
        c.network().isolate(lagging);
        long behind = c.peer(lagging).appliedIndex();
        c.sim().runUntil(() -> c.peer(leader).appliedIndex() > behind + 1_000,
                "the leader to apply 1000 entries while peer " + lagging + " is cut off", 60_000);
        long snapshotsBefore = SnapshotScenarios.snapshotsDelivered(c);
        long appendsBefore = c.network().stats().to(lagging).delivered();
        c.network().reconnect(lagging);
        long target = c.peer(leader).status().commit();
        c.sim().runUntil(() -> c.peer(lagging).appliedIndex() >= target,
                "peer " + lagging + " to catch up to index " + target, 5_000);
        assertThat(SnapshotScenarios.snapshotsDelivered(c) - snapshotsBefore).as("snapshots delivered to catch peer %d up", lagging)
                .isBetween(1L, 5L);
        assertThat(c.network().stats().to(lagging).delivered() - appendsBefore)
                .as("messages peer %d needed to catch up %d entries", lagging, target - behind)
                .isLessThan(500);
        finishCompacted(c);
    }

    @Graded(part = "2c", points = 3, order = 13)
    void recoverFromSnapshot(Simulation sim) {
        KvCluster c = start(sim, 5, NetworkConfig.reliable(), 3, new Workload.Keys(2, 1));
        for (int round = 0; round < 4; round++) {
            c.runFor(3_000);
            c.servers().forEach(c::crash);
            c.runFor(200);
            c.servers().forEach(c::restart);
        }
        c.runFor(3_000);
        finishCompacted(c);
    }

    @Graded(part = "2c", points = 3, order = 14)
    void manyClients(Simulation sim) {
        KvCluster c = start(sim, 5, NetworkConfig.reliable(), 5, new Workload.Keys(3, 2));
        c.runFor(5_000);
        finishCompacted(c);
    }

    @Graded(part = "2c", points = 3, order = 15)
    void unreliable(Simulation sim) {
        KvCluster c = start(sim, 5, NetworkConfig.unreliable(), 5, new Workload.Keys(3, 2));
        c.runFor(10_000);
        finishCompacted(c);
    }

    @Graded(part = "2c", points = 3, order = 16)
    void unreliableRecover(Simulation sim) {
        KvCluster c = start(sim, 5, NetworkConfig.unreliable(), 5, new Workload.Keys(3, 2));
        KvPersistenceTest.crashRandomly(c, sim.random("crashes"), 15);
        finishCompacted(c);
    }

    @Graded(part = "2c", points = 4, order = 17)
    void unreliableRecoverConcurrentPartitions(Simulation sim) {
        KvCluster c = start(sim, 5, NetworkConfig.unreliable(), 5, new Workload.Keys(3, 2));
        RandomGenerator random = sim.random("faults");
        for (int round = 0; round < 6; round++) {
            KvPartitionTest.randomPartitions(c, random, 2);
            KvPersistenceTest.crashRandomly(c, random, 2);
        }
        finishCompacted(c);
    }

    @Graded(part = "2c", points = 3, order = 18)
    void restartRightAfterInstallingASnapshot(Simulation sim) {
        KvCluster c = start(sim, 3, NetworkConfig.reliable(), 3, new Workload.Keys(2, 2));
        for (int round = 0; round < 3; round++) {
            c.runFor(1_000);
            int leader = c.leader();
            int lagging = c.servers().stream().filter(id -> id != leader).findFirst().orElseThrow();
            c.network().isolate(lagging);
            c.runFor(2_000);
            long snapshots = SnapshotScenarios.snapshotsDelivered(c);
            c.network().reconnect(lagging);
            c.sim().runUntil(() -> SnapshotScenarios.snapshotsDelivered(c) > snapshots,
                    "a snapshot to reach peer " + lagging, 5_000);
            c.crash(lagging);
            c.runFor(300);
            c.restart(lagging);
        }
        finishCompacted(c);
    }

    @Graded(part = "2c", points = 4, order = 19)
    void snapshotKeepsDeduplication(Simulation sim) {
        SnapshotScenarios.snapshotKeepsDeduplication(sim, KvServer.compacting(10));
    }
}
