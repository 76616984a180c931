package kvlab.raft.core;

import static kvlab.raft.core.Fixtures.ids;
import static kvlab.raft.core.Fixtures.raft;
import static kvlab.raft.core.Fixtures.storageWithTerms;
import static org.assertj.core.api.Assertions.assertThat;

import kvlab.harness.grading.Graded;
import kvlab.raft.Message.RequestVote;
import kvlab.raft.Message.RequestVoteResponse;
import kvlab.raft.Role;

/** Part 2A: who grants a vote (Raft §5.2, §5.4.1). */
class RaftVoteTest {

    @Graded(part = "2a", points = 2, order = 1)
    void grantsOneVotePerTerm() {
        // {vote already cast, candidate, expected rejection}
        long[][] cases = {{0, 2, 0}, {0, 3, 0}, {2, 2, 0}, {3, 3, 0}, {2, 3, 1}, {3, 2, 1}};
        for (long[] c : cases) {
            Raft r = raft(1, ids(3));
            r.becomeFollower(1, Raft.NONE);
            if (c[0] != 0) {
                r.step(new RequestVote(c[0], 1, 1, 0, 0));
                r.readMessages();
            }
            r.step(new RequestVote(c[1], 1, 1, 0, 0));
            boolean reject = c[2] == 1;
            assertThat(r.readMessages()).as("vote request from " + c[1] + " in term 1 after voting for " + c[0])
                    .containsExactly(new RequestVoteResponse(1, c[1], 1, reject));
            assertThat(r.vote()).as("vote after that").isEqualTo(c[0] != 0 ? c[0] : c[1]);
        }
    }

    @Graded(part = "2a", points = 2, order = 1)
    void votesOnlyForAnUpToDateLog() {
        // The voter's log has terms [1, 2] (last index 2, last term 2). {candidate last index, last term, reject}
        long[][] cases = {{2, 2, 0}, {3, 2, 0}, {1, 2, 1}, {1, 3, 0}, {5, 1, 1}, {2, 1, 1}, {0, 0, 1}};
        for (long[] c : cases) {
            Raft r = raft(1, ids(3), storageWithTerms(1, 2));
            r.step(new RequestVote(2, 1, 3, c[0], c[1]));
            assertThat(r.readMessages()).as("candidate log ending at index " + c[0] + " term " + c[1]
                    + " against a voter log ending at index 2 term 2")
                    .containsExactly(new RequestVoteResponse(1, 2, 3, c[2] == 1));
        }
    }

    @Graded(part = "2a", points = 1, order = 1)
    void candidatesAndLeadersRejectOthersInTheirTerm() {
        Raft candidate = raft(1, ids(3));
        candidate.becomeCandidate();
        candidate.readMessages();
        candidate.step(new RequestVote(2, 1, 1, 5, 5));
        assertThat(candidate.readMessages()).as("a candidate has voted for itself")
                .containsExactly(new RequestVoteResponse(1, 2, 1, true));

        Raft leader = raft(1, ids(3));
        leader.becomeCandidate();
        leader.becomeLeader();
        leader.readMessages();
        leader.step(new RequestVote(3, 1, 1, 5, 5));
        assertThat(leader.readMessages()).as("a leader rejects a vote request of its own term")
                .containsExactly(new RequestVoteResponse(1, 3, 1, true));
        assertThat(leader.role()).isEqualTo(Role.LEADER);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void grantingAVoteResetsTheElectionTimer() {
        Raft r = raft(1, ids(3));
        r.becomeFollower(2, Raft.NONE);
        int timeout = r.randomizedElectionTimeout();
        for (int i = 1; i < timeout; i++) {
            r.tick();
        }
        r.step(new RequestVote(2, 1, 2, 0, 0));
        r.readMessages();
        // Without the reset, the next tick would start an election; no timeout is shorter than et.
        for (int i = 1; i < Fixtures.ELECTION; i++) {
            r.tick();
        }
        assertThat(r.role()).as("a follower that just granted a vote waits a full timeout before campaigning")
                .isEqualTo(Role.FOLLOWER);
        assertThat(r.readMessages()).isEmpty();
    }

    @Graded(part = "2a", points = 1, order = 2)
    void staleVoteRequestIsRejectedWithTheHigherTerm() {
        Raft r = raft(1, ids(3));
        r.becomeFollower(5, Raft.NONE);
        r.step(new RequestVote(2, 1, 3, 10, 10));
        assertThat(r.readMessages()).as("a vote request of term 3 at a node in term 5")
                .containsExactly(new RequestVoteResponse(1, 2, 5, true));
        assertThat(r.vote()).as("no vote is cast for a stale request").isEqualTo(Raft.NONE);
        assertThat(r.term()).isEqualTo(5);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void higherTermVoteRequestFreesTheVote() {
        Raft r = raft(1, ids(3));
        r.step(new RequestVote(2, 1, 1, 0, 0));
        r.step(new RequestVote(3, 1, 2, 0, 0));
        assertThat(r.readMessages()).as("a vote per term: node 2 in term 1, node 3 in term 2").containsExactly(
                new RequestVoteResponse(1, 2, 1, false), new RequestVoteResponse(1, 3, 2, false));
        assertThat(r.vote()).isEqualTo(3);
        assertThat(r.term()).isEqualTo(2);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void followerWithAKnownLeaderDoesNotVoteInItsTerm() {
        Raft r = raft(1, ids(3));
        r.becomeFollower(2, 3);
        r.step(new RequestVote(2, 1, 2, 9, 9));
        assertThat(r.readMessages()).as("node 3 already leads term 2").containsExactly(new RequestVoteResponse(1, 2, 2, true));
    }
}
