package kvlab.kv;

import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.extension.ExtendWith;

/** Part 2B, reads: GETs go through ReadIndex, append nothing to the log, and stay linearizable. */
@ExtendWith(SimulationExtension.class)
class KvReadIndexTest {

    @Graded(part = "2b", points = 3, order = 30)
    void readsAreNotLogged(Simulation sim) {
        ReadScenarios.readsAreNotLogged(sim, KvServer.standard());
    }

    @Graded(part = "2b", points = 4, order = 31)
    void readOnlyLoadDuringPartitions(Simulation sim) {
        ReadScenarios.readOnlyLoadDuringPartitions(sim, KvServer.standard(), NetworkConfig.reliable());
    }

    @Graded(part = "2b", points = 4, order = 32)
    void readOnlyLoadDuringPartitionsUnreliable(Simulation sim) {
        ReadScenarios.readOnlyLoadDuringPartitions(sim, KvServer.standard(), NetworkConfig.unreliable());
    }
}
