package kvlab.txn.e2e;

import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that die mid-commit and answers that get lost: other clients settle the orphaned locks
 * through the primary (Percolator §2.2, lazy cleanup), and a resent commit still commits.
 */
@ExtendWith(SimulationExtension.class)
class RecoveryTest {
    @Graded(part = "4c", points = 3, order = 3)
    void crashAfterPrimaryCommitRollsForward(Simulation sim) {
        Scenarios.crashAfterPrimaryCommit(sim, TxnCluster.Setup.standard());
    }

    @Graded(part = "4c", points = 3, order = 3)
    void crashBeforePrimaryCommitRollsBackAfterTtl(Simulation sim) {
        Scenarios.crashBeforePrimaryCommit(sim, TxnCluster.Setup.standard());
    }

    @Graded(part = "4c", points = 2, order = 3)
    void crashAfterPrimaryCommitOnAnUnreliableNetwork(Simulation sim) {
        Scenarios.crashAfterPrimaryCommit(sim, TxnCluster.Setup.standard().on(NetworkConfig.unreliable()));
    }

    @Graded(part = "4c", points = 2, order = 3)
    void commitResponseLostStillCommits(Simulation sim) {
        Scenarios.commitResponseLost(sim, TxnCluster.Setup.standard());
    }
}
