package kvlab.kv.broken;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Seeds;
import kvlab.harness.sim.Simulation;
import kvlab.kv.KvServer;
import kvlab.kv.ReadScenarios;
import kvlab.kv.SnapshotScenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The framework's own check that the graded 2B read scenarios and 2C snapshot scenarios catch real bugs: each broken server
 * must fail its scenario with a message that explains the violation. Not graded. It needs a working
 * peer to break, so it runs only in a reference build ({@code -Preference}) and is skipped otherwise.
 */
class BrokenVariantsTest {
    @BeforeEach
    void onlyOnTheReference() {
        assumeTrue(Seeds.isReferenceBuild(getClass()), "broken variants wrap the reference peer: run with -Preference");
    }

    @Test
    void readsFromAnyNodeAreNotLinearizable() {
        assertThatThrownBy(() -> ReadScenarios.readOnlyLoadDuringPartitions(sim("partitions"),
                BrokenServers.readsFromAnyNode(), NetworkConfig.reliable()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("is not linearizable; the smallest illegal prefix")
                .hasMessageMatching("(?s).*Why: get\\(\"[ra]\\d\"\\) returned .*, but every order of the operations.*");
    }

    @Test
    void forgettingDuplicatesAppliesARetriedAppendTwice() {
        assertThatThrownBy(() -> ReadScenarios.readOnlyLoadDuringPartitions(sim("unreliable"),
                BrokenServers.forgetsDuplicates(), NetworkConfig.unreliable()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("appends in the final value of a0 (each exactly once, in order)")
                .hasMessageMatching("(?s).*but some elements were not expected:\\s+\\[\\d+L].*");
    }

    @Test
    void snapshotsWithoutDeduplicationApplyARetriedAppendTwice() {
        assertThatThrownBy(() -> SnapshotScenarios.snapshotKeepsDeduplication(sim("dedup"),
                BrokenServers.snapshotsWithoutDeduplication(10)))
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("(?s).*(appends in the final value of a\\d \\(each exactly once, in order\\)"
                        + "|values of a\\d on each peer).*");
    }

    @Test
    void theReferencePassesEveryScenarioUsedHere() {
        ReadScenarios.readOnlyLoadDuringPartitions(sim("partitions"), KvServer.standard(), NetworkConfig.reliable());
        ReadScenarios.readOnlyLoadDuringPartitions(sim("unreliable"), KvServer.standard(), NetworkConfig.unreliable());
        SnapshotScenarios.snapshotKeepsDeduplication(sim("dedup"), KvServer.compacting(10));
    }

    private static Simulation sim(String scenario) {
        return new Simulation(Seeds.seed(Seeds.defaultFor("kv.BrokenVariantsTest#" + scenario)));
    }
}
