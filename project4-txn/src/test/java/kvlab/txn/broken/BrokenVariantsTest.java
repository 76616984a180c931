package kvlab.txn.broken;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import kvlab.harness.sim.Seeds;
import kvlab.harness.sim.Simulation;
import kvlab.txn.e2e.Scenarios;
import kvlab.txn.e2e.TxnCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The framework's own check that the graded end-to-end scenarios catch real bugs: each broken variant
 * must fail its scenario with a message that names the anomaly. Not graded. It needs working 4A-4C
 * code to break, so it runs only in a reference build ({@code -Preference}) and is skipped otherwise.
 */
class BrokenVariantsTest {
    @BeforeEach
    void onlyOnTheReference() {
        assumeTrue(Seeds.isReferenceBuild(getClass()), "broken variants decorate the reference: run with -Preference");
    }

    @Test
    void prewriteIgnoringNewerCommitsLosesAnUpdate() {
        assertThatThrownBy(() -> Scenarios.lostUpdate(sim("lostUpdate"), BrokenVariants.prewriteIgnoringNewerCommits()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("lost update on key x")
                .hasMessageMatching("(?s).*T\\d@client0 \\(start \\d+\\) and T\\d@client1 \\(start \\d+\\).*");
    }

    @Test
    void rollbackWithoutRecordAcceptsALatePrewrite() {
        assertThatThrownBy(() -> Scenarios.crashBeforePrimaryCommit(sim("crashBefore"), BrokenVariants.rollbackWithoutRecord()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("late prewrite accepted after rollback")
                .hasMessageMatching("(?s).*no ROLLBACK record at a@\\d+.*");
    }

    @Test
    void resolvingSecondariesBackwardsBreaksAtomicity() {
        assertThatThrownBy(() -> Scenarios.crashAfterPrimaryCommit(sim("crashAfter"), BrokenVariants.resolvingSecondariesBackwards()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("atomicity")
                .hasMessageContaining("read c, b, a = [1, 1, 2]");
    }

    @Test
    void theReferencePassesEveryScenarioUsedHere() {
        TxnCluster.Setup real = TxnCluster.Setup.standard();
        Scenarios.lostUpdate(sim("lostUpdate"), real);
        Scenarios.crashBeforePrimaryCommit(sim("crashBefore"), real);
        Scenarios.crashAfterPrimaryCommit(sim("crashAfter"), real);
    }

    private static Simulation sim(String scenario) {
        return new Simulation(Seeds.seed(Seeds.defaultFor("BrokenVariantsTest#" + scenario)));
    }
}
