package kvlab.raft.core;

import static kvlab.raft.core.Fixtures.hup;
import static kvlab.raft.core.Fixtures.ids;
import static kvlab.raft.core.Fixtures.propose;
import static kvlab.raft.core.Fixtures.raft;
import static kvlab.raft.core.Fixtures.storageWithTerms;
import static kvlab.raft.core.Fixtures.termsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import kvlab.harness.grading.Graded;
import kvlab.raft.HardState;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message.RequestVoteResponse;
import kvlab.raft.Role;

/**
 * Part 2A: a new leader brings every follower log of the Raft paper's figure 7 in line with its own
 * (Raft §5.3): missing entries are added, extra uncommitted entries are removed, conflicts replaced.
 */
class RaftFigure7Test {
    /** The leader's log in figure 7 (terms of indexes 1..10); it leads term 8, with everything committed. */
    private static final long[] LEADER = {1, 1, 1, 4, 4, 5, 5, 6, 6, 6};

    private static void checkSync(long[] follower) {
        MemoryStorage leaderStorage = storageWithTerms(LEADER);
        leaderStorage.setHardState(new HardState(8, 0, LEADER.length));
        MemoryStorage followerStorage = storageWithTerms(follower);
        followerStorage.setHardState(new HardState(7, 0, 0));
        Raft leader = raft(1, ids(3), leaderStorage);
        Raft other = raft(2, ids(3), followerStorage);
        Network network = new Network(leader, other, null);
        network.send(hup(1));
        // Node 3 (unreachable) grants its vote, so that the leader wins even where node 2 refuses.
        network.send(new RequestVoteResponse(3, 1, leader.term(), false));
        assertThat(leader.role()).as("node 1 leads term 9").isEqualTo(Role.LEADER);
        network.send(propose(1, ""));
        assertThat(termsOf(other.raftLog())).as("follower log " + Arrays.toString(follower) + " after the leader synced it")
                .isEqualTo(termsOf(leader.raftLog()));
        assertThat(other.raftLog().allEntries()).isEqualTo(leader.raftLog().allEntries());
        assertThat(other.raftLog().committed()).as("the follower learns the commit index").isEqualTo(12);
    }

    @Graded(part = "2a", points = 1, order = 3)
    void followerMissingOneEntry() {
        checkSync(new long[] {1, 1, 1, 4, 4, 5, 5, 6, 6});
    }

    @Graded(part = "2a", points = 1, order = 3)
    void followerMissingManyEntries() {
        checkSync(new long[] {1, 1, 1, 4});
    }

    @Graded(part = "2a", points = 1, order = 3)
    void followerWithAnExtraEntry() {
        checkSync(new long[] {1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6});
    }

    @Graded(part = "2a", points = 1, order = 3)
    void followerWithExtraEntriesOfALaterTerm() {
        checkSync(new long[] {1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7});
    }

    @Graded(part = "2a", points = 1, order = 3)
    void followerMissingEntriesAndWithExtraOnes() {
        checkSync(new long[] {1, 1, 1, 4, 4, 4, 4});
    }

    @Graded(part = "2a", points = 1, order = 3)
    void followerWithManyConflictingTerms() {
        checkSync(new long[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3});
    }
}
