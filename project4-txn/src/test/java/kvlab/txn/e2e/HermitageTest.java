package kvlab.txn.e2e;

import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Snapshot-isolation anomalies from the Hermitage suite (Kleppmann), end to end through the
 * Percolator client and the server over the simulated network: what SI forbids must not happen, and
 * what SI allows (write skew) does.
 */
@ExtendWith(SimulationExtension.class)
class HermitageTest {
    @Graded(part = "4c", points = 3, order = 2)
    void lostUpdateNeverHappens(Simulation sim) {
        Scenarios.lostUpdate(sim, TxnCluster.Setup.standard());
    }

    @Graded(part = "4c", points = 3, order = 2)
    void readSkewNeverHappens(Simulation sim) {
        Scenarios.readSkew(sim, TxnCluster.Setup.standard());
    }

    @Graded(part = "4c", points = 2, order = 2)
    void writeSkewIsAllowedUnderSnapshotIsolation(Simulation sim) {
        Scenarios.writeSkew(sim, TxnCluster.Setup.standard());
    }
}
