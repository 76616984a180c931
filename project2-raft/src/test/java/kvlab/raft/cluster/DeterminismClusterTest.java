package kvlab.raft.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A failure is only useful if its seed replays it: the same seed must give the same run, event for
 * event. Raft may draw randomness only from {@code Config.random()} and must not let hash order or
 * the clock into its decisions.
 */
@ExtendWith(SimulationExtension.class)
class DeterminismClusterTest {

    @Graded(part = "2a", points = 2, order = 46)
    void sameSeedReplaysTheIdenticalTrace(Simulation sim) {
        Run first = faultyRun(sim);
        Run second = faultyRun(new Simulation(sim.seed()));
        assertThat(first.events()).as("events in the run").isGreaterThan(1_000);
        assertThat(first.lastIndex()).as("index of the last command, first run").isGreaterThan(10);
        assertThat(second.digest()).as("trace digest of a second run with seed %d", sim.seed()).isEqualTo(first.digest());
    }

    private record Run(String digest, long events, long lastIndex) {}

    /** Proposals while one node at a time crashes or leaves and comes back, on a lossy network. */
    private static Run faultyRun(Simulation sim) {
        RaftCluster c = RaftCluster.start(sim, 5, NetworkConfig.unreliable());
        RandomGenerator random = sim.random("test");
        for (int round = 0; round < 30; round++) {
            int victim = 1 + random.nextInt(5);
            boolean crash = random.nextBoolean();
            if (crash) {
                c.crash(victim);
            } else {
                c.disconnect(victim);
            }
            for (int k = 0; k < 10; k++) {
                c.proposeToSomeLeader("d" + round + "." + k);
                c.runFor(random.nextLong(1, 60));
            }
            if (crash) {
                c.restart(victim);
            } else {
                c.connect(victim);
            }
        }
        long last = c.one("end", 5, true);
        return new Run(sim.trace().digest(), sim.trace().size(), last);
    }
}
