package kvlab.txn.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Seeds;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end machinery (oracle, server, client node, driver) is deterministic: one seed, one
 * trace. Not graded; it needs a working client, so it runs only in a reference build.
 */
class DeterminismTest {
    @Test
    void sameSeedSameTraceDifferentSeedDifferentTrace() {
        assumeTrue(Seeds.isReferenceBuild(getClass()), "needs the reference client: run with -Preference");
        assertThat(digest(7)).isEqualTo(digest(7)).isNotEqualTo(digest(8));
    }

    private static String digest(long seed) {
        Simulation sim = new Simulation(seed);
        Scenarios.crashAfterPrimaryCommit(sim, TxnCluster.Setup.standard().on(NetworkConfig.unreliable()));
        assertThat(sim.trace().size()).as("trace events of a whole scenario").isGreaterThan(50);
        return sim.trace().digest();
    }
}
