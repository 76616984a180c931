package kvlab.raft.cluster;

import static kvlab.raft.cluster.RaftCluster.ELECTION_TIMEOUT_MS;
import static kvlab.raft.cluster.RaftCluster.LEADER_LIMIT_MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.extension.ExtendWith;

/** Leader election in a simulated cluster (MIT 6.5840 3A scenarios), invariants checked after every event. */
@ExtendWith(SimulationExtension.class)
class ElectionClusterTest {

    @Graded(part = "2a", points = 2, order = 20)
    void initialElection(Simulation sim) {
        RaftCluster c = RaftCluster.start(sim, 3);
        c.checkOneLeader();
        // Let followers learn of the election before comparing terms.
        c.runFor(50);
        long term1 = c.checkTerms();
        assertThat(term1).as("term after the first election").isGreaterThanOrEqualTo(1);
        c.runFor(2 * ELECTION_TIMEOUT_MS);
        assertThat(c.checkTerms()).as("without failures, heartbeats must keep the leader and the term").isEqualTo(term1);
        c.checkOneLeader();
    }

    @Graded(part = "2a", points = 2, order = 21)
    void reElectionAfterLeaderLoss(Simulation sim) {
        RaftCluster c = RaftCluster.start(sim, 3);
        int leader1 = c.checkOneLeader();
        c.disconnect(leader1);
        int leader2 = c.checkOneLeader();
        assertThat(leader2).as("the new leader").isNotEqualTo(leader1);

        // The old leader rejoins: it must not disturb the new leader, and must step down.
        c.connect(leader1);
        int leader3 = c.checkOneLeader();

        // No quorum, no leader.
        c.disconnect(leader3);
        c.disconnect(c.next(leader3, 1));
        c.runFor(2 * ELECTION_TIMEOUT_MS);
        c.checkNoLeader();

        // A quorum arises: a leader must be elected; the last node rejoining must not prevent one.
        c.connect(c.next(leader3, 1));
        c.checkOneLeader();
        c.connect(leader3);
        c.checkOneLeader();
    }

    @Graded(part = "2a", points = 2, order = 22)
    void reElectionAfterLeaderCrash(Simulation sim) {
        RaftCluster c = RaftCluster.start(sim, 5);
        int leader1 = c.checkOneLeader();
        long term1 = c.node(leader1).status().term();
        c.crash(leader1);
        int leader2 = c.checkOneLeader();
        assertThat(c.node(leader2).status().term()).as("a new leader needs a new term").isGreaterThan(term1);
        c.restart(leader1);
        c.runFor(ELECTION_TIMEOUT_MS);
        assertThat(c.checkOneLeader()).as("the restarted old leader must follow, not take over").isEqualTo(leader2);
        assertThat(c.checkTerms()).isEqualTo(c.node(leader2).status().term());
    }

    @Graded(part = "2a", points = 3, order = 23)
    void manyElectionsWithRandomPartitions(Simulation sim) {
        RaftCluster c = RaftCluster.start(sim, 7);
        RandomGenerator random = sim.random("test");
        c.checkOneLeader();
        for (int round = 1; round < 10; round++) {
            // Three random nodes (perhaps the same one twice) leave; at least four remain: a quorum.
            int[] gone = {1 + random.nextInt(7), 1 + random.nextInt(7), 1 + random.nextInt(7)};
            for (int id : gone) {
                c.disconnect(id);
            }
            c.checkOneLeader();
            for (int id : gone) {
                c.connect(id);
            }
        }
        c.checkOneLeader();
    }

    @Graded(part = "2a", points = 2, order = 24)
    void partitionedLeaderStepsDownAndMajorityElects(Simulation sim) {
        RaftCluster c = RaftCluster.start(sim, 5);
        int leader = c.checkOneLeader();
        int minority = c.next(leader, 1);
        List<Integer> majority = List.of(c.next(leader, 2), c.next(leader, 3), c.next(leader, 4));
        c.network().partition(Set.of(leader, minority), Set.copyOf(majority));
        assertThat(c.await(() -> majority.stream().anyMatch(id -> c.node(id).status().isLeader()), LEADER_LIMIT_MS))
                .as("the three-node majority %s elects a leader", majority).isTrue();
        // Check-quorum: a leader that has not heard from a quorum for an election timeout steps down.
        c.runFor(2 * ELECTION_TIMEOUT_MS);
        assertThat(c.node(leader).status().isLeader()).as("old leader %d, cut off from a quorum", leader).isFalse();
        assertThat(c.node(minority).status().isLeader()).as("node %d, in the minority", minority).isFalse();
        c.network().healAll();
        assertThat(majority).as("the leader after healing").contains(c.checkOneLeader());
    }
}
