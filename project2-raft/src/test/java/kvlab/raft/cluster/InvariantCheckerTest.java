package kvlab.raft.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import kvlab.harness.sim.Simulation;
import kvlab.raft.Entry;
import kvlab.raft.HardState;
import kvlab.raft.Role;
import kvlab.raft.cluster.InvariantViolation.Invariant;
import kvlab.raft.sim.RaftStatus;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checker itself, fed by hand: each invariant is caught, named, located, and legal runs pass. */
class InvariantCheckerTest {
    private final Simulation sim = new Simulation(4242);
    private final InvariantChecker checker = new InvariantChecker(sim);

    @BeforeEach
    void threeNodesStart() {
        for (int node = 1; node <= 3; node++) {
            checker.started(node, HardState.EMPTY, List.of());
        }
    }

    @Test
    void aLegalRunWithARestartPasses() {
        // Node 1 leads term 1 and replicates two entries to node 2; both commit and apply them.
        checker.persisted(1, Optional.of(new HardState(1, 1, 0)), List.of(e(1, 1, ""), e(2, 1, "x")));
        checker.observe(1, status(1, 1, 1, Role.LEADER, 0, 2));
        checker.persisted(2, Optional.of(new HardState(1, 1, 0)), List.of(e(1, 1, ""), e(2, 1, "x")));
        for (int node = 1; node <= 2; node++) {
            checker.persisted(node, Optional.of(new HardState(1, 1, 2)), List.of());
            checker.applied(node, e(1, 1, ""));
            checker.applied(node, e(2, 1, "x"));
            checker.observe(node, status(node, 1, 1, node == 1 ? Role.LEADER : Role.FOLLOWER, 2, 2));
        }
        // Node 2 restarts from its disk and applies everything again; then leads term 2.
        checker.started(2, new HardState(1, 1, 2), List.of(e(1, 1, ""), e(2, 1, "x")));
        checker.applied(2, e(1, 1, ""));
        checker.applied(2, e(2, 1, "x"));
        checker.persisted(2, Optional.of(new HardState(2, 2, 2)), List.of(e(3, 2, "")));
        checker.observe(2, status(2, 2, 2, Role.LEADER, 2, 3));

        assertThat(checker.committedIndex()).isEqualTo(2);
        assertThat(checker.committedAt(2)).contains(e(2, 1, "x"));
        assertThat(checker.leaders()).containsEntry(1L, 1).containsEntry(2L, 2);
        assertThat(checker.observations()).isEqualTo(4);
    }

    @Test
    void twoLeadersInOneTerm() {
        checker.persisted(1, Optional.of(new HardState(3, 1, 0)), List.of());
        checker.persisted(2, Optional.of(new HardState(3, 2, 0)), List.of());
        checker.observe(1, status(1, 3, 1, Role.LEADER, 0, 0));
        assertViolation(() -> checker.observe(2, status(2, 3, 2, Role.LEADER, 0, 0)), Invariant.ELECTION_SAFETY)
                .hasMessageContaining("nodes 1 and 2").hasMessageContaining("term 3");
    }

    @Test
    void twoVotesInOneTerm() {
        checker.persisted(3, Optional.of(new HardState(2, 1, 0)), List.of());
        assertViolation(() -> checker.persisted(3, Optional.of(new HardState(2, 2, 0)), List.of()), Invariant.ONE_VOTE_PER_TERM)
                .hasMessageContaining("node 3").hasMessageContaining("term 2");
    }

    @Test
    void sameIndexAndTermWithDifferentData() {
        checker.persisted(1, Optional.empty(), List.of(e(1, 1, "a")));
        assertViolation(() -> checker.persisted(2, Optional.empty(), List.of(e(1, 1, "b"))), Invariant.LOG_MATCHING)
                .hasMessageContaining("nodes 1 and 2").hasMessageContaining("index 1");
    }

    @Test
    void sameIndexAndTermAfterDifferentPrefixes() {
        checker.persisted(1, Optional.empty(), List.of(e(1, 1, "a"), e(2, 3, "c")));
        checker.persisted(2, Optional.empty(), List.of(e(1, 2, "b")));
        assertViolation(() -> checker.persisted(2, Optional.empty(), List.of(e(2, 3, "c"))), Invariant.LOG_MATCHING)
                .hasMessageContaining("index 1 have terms 1 and 2");
    }

    @Test
    void aGapInTheLog() {
        checker.persisted(1, Optional.empty(), List.of(e(1, 1, "a")));
        assertViolation(() -> checker.persisted(1, Optional.empty(), List.of(e(3, 1, "c"))), Invariant.LOG_CONTIGUOUS)
                .hasMessageContaining("node 1").hasMessageContaining("index 3");
    }

    @Test
    void overwritingACommittedEntry() {
        checker.persisted(2, Optional.of(new HardState(1, 0, 2)), List.of(e(1, 1, "a"), e(2, 1, "b")));
        assertViolation(() -> checker.persisted(2, Optional.empty(), List.of(e(2, 2, "z"))), Invariant.COMMITTED_NEVER_CHANGE)
                .hasMessageContaining("node 2").hasMessageContaining("index 2");
    }

    @Test
    void twoNodesApplyingDifferentEntriesAtAnIndex() {
        checker.persisted(1, Optional.of(new HardState(1, 0, 1)), List.of(e(1, 1, "a")));
        checker.applied(1, e(1, 1, "a"));
        checker.persisted(2, Optional.of(new HardState(2, 0, 1)), List.of(e(1, 2, "b")));
        assertViolation(() -> checker.applied(2, e(1, 2, "b")), Invariant.STATE_MACHINE_SAFETY)
                .hasMessageContaining("node 2 applied").hasMessageContaining("node 1 applied").hasMessageContaining("index 1");
    }

    @Test
    void applyingTwiceOrSkipping() {
        checker.persisted(1, Optional.of(new HardState(1, 0, 2)), List.of(e(1, 1, "a"), e(2, 1, "b")));
        checker.applied(1, e(1, 1, "a"));
        assertViolation(() -> checker.applied(1, e(1, 1, "a")), Invariant.APPLY_IN_ORDER).hasMessageContaining("applied twice");
        assertViolation(() -> checker.applied(2, e(2, 1, "b")), Invariant.APPLY_IN_ORDER).hasMessageContaining("skipped 1");
    }

    @Test
    void applyingBeyondTheCommitIndex() {
        checker.persisted(1, Optional.of(new HardState(1, 0, 0)), List.of(e(1, 1, "a")));
        assertViolation(() -> checker.applied(1, e(1, 1, "a")), Invariant.APPLY_ONLY_COMMITTED)
                .hasMessageContaining("commit index is 0");
    }

    @Test
    void aLeaderWithoutACommittedEntry() {
        checker.persisted(1, Optional.of(new HardState(1, 1, 1)), List.of(e(1, 1, "a")));
        checker.applied(1, e(1, 1, "a"));
        checker.persisted(3, Optional.of(new HardState(2, 3, 0)), List.of(e(1, 2, "")));
        assertViolation(() -> checker.observe(3, status(3, 2, 3, Role.LEADER, 0, 1)), Invariant.LEADER_COMPLETENESS)
                .hasMessageContaining("node 3 became leader of term 2").hasMessageContaining("index 1");
    }

    @Test
    void termGoingBackAcrossARestart() {
        checker.persisted(1, Optional.of(new HardState(5, 0, 0)), List.of());
        checker.observe(1, status(1, 5, 0, Role.FOLLOWER, 0, 0));
        assertViolation(() -> checker.started(1, new HardState(4, 0, 0), List.of()), Invariant.TERM_MONOTONIC)
                .hasMessageContaining("node 1 restarted");
        checker.persisted(2, Optional.of(new HardState(7, 0, 0)), List.of());
        checker.observe(2, status(2, 7, 0, Role.FOLLOWER, 0, 0));
        assertViolation(() -> checker.observe(2, status(2, 6, 0, Role.FOLLOWER, 0, 0)), Invariant.TERM_MONOTONIC)
                .hasMessageContaining("term 6").hasMessageContaining("term 7");
    }

    @Test
    void commitGoingBack() {
        checker.persisted(1, Optional.of(new HardState(1, 0, 2)), List.of(e(1, 1, "a"), e(2, 1, "b")));
        checker.observe(1, status(1, 1, 0, Role.FOLLOWER, 2, 2));
        assertViolation(() -> checker.observe(1, status(1, 1, 0, Role.FOLLOWER, 1, 2)), Invariant.COMMIT_MONOTONIC)
                .hasMessageContaining("node 1").hasMessageContaining("commit index 1");
        assertViolation(() -> checker.persisted(1, Optional.of(new HardState(1, 0, 1)), List.of()), Invariant.COMMIT_MONOTONIC);
    }

    @Test
    void commitPastTheEndOfTheLog() {
        assertViolation(() -> checker.persisted(2, Optional.of(new HardState(1, 0, 1)), List.of()), Invariant.COMMIT_WITHIN_LOG)
                .hasMessageContaining("node 2 has commit index 1");
    }

    @Test
    void stateNotPersistedByTheReadies() {
        checker.persisted(1, Optional.of(new HardState(2, 1, 0)), List.of(e(1, 1, "a")));
        assertViolation(() -> checker.observe(1, status(1, 2, 0, Role.FOLLOWER, 0, 1)), Invariant.STATE_PERSISTED)
                .hasMessageContaining("node 1 has term 2, vote 0").hasMessageContaining("persisted term 2, vote 1");
        assertViolation(() -> checker.observe(1, status(1, 2, 1, Role.FOLLOWER, 0, 2)), Invariant.STATE_PERSISTED)
                .hasMessageContaining("last index 2 but persisted");
    }

    @Test
    void aNodeThatNeverStartedIsAFixtureBug() {
        assertThatThrownBy(() -> checker.observe(9, status(9, 1, 0, Role.FOLLOWER, 0, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("node 9");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertViolation(Runnable action, Invariant expected) {
        return assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvariantViolation.class, v -> assertThat(v.invariant()).isEqualTo(expected))
                .hasMessageContaining(expected.title)
                .hasMessageContaining("seed 4242");
    }

    private static RaftStatus status(int node, long term, long vote, Role role, long commit, long lastIndex) {
        return new RaftStatus(node, term, vote, role, role == Role.LEADER ? node : 0, commit, lastIndex);
    }

    private static Entry e(long index, long term, String data) {
        return Entry.of(index, term, data.getBytes(UTF_8));
    }
}
