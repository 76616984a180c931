package kvlab.raft.core;

import static kvlab.raft.core.Fixtures.hup;
import static kvlab.raft.core.Fixtures.ids;
import static kvlab.raft.core.Fixtures.only;
import static kvlab.raft.core.Fixtures.propose;
import static kvlab.raft.core.Fixtures.storageWithTerms;
import static kvlab.raft.core.Fixtures.tickElectionTimeout;
import static org.assertj.core.api.Assertions.assertThat;

import kvlab.harness.grading.Graded;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message.PreVote;
import kvlab.raft.Message.PreVoteResponse;
import kvlab.raft.Message.RequestVote;
import kvlab.raft.Role;

/** Part 2A: the pre-vote phase (thesis §9.6) and why it exists: a rejoining node must not inflate terms. */
class RaftPreVoteTest {

    private static Raft preVoteRaft(long id, int size, MemoryStorage storage) {
        return new Raft(Fixtures.config(id, ids(size)).withPreVote(true), storage);
    }

    private static Network network(int size, boolean preVote) {
        Raft[] nodes = new Raft[size];
        for (int i = 0; i < size; i++) {
            nodes[i] = new Raft(Fixtures.config(i + 1, ids(size)).withPreVote(preVote), new MemoryStorage());
        }
        return new Network(nodes);
    }

    @Graded(part = "2a", points = 2, order = 1)
    void preCandidateKeepsItsTerm() {
        Raft r = preVoteRaft(1, 3, new MemoryStorage());
        r.becomeFollower(1, 2);
        tickElectionTimeout(r);
        assertThat(r.role()).as("with pre-vote, an election timeout makes a pre-candidate").isEqualTo(Role.PRE_CANDIDATE);
        assertThat(r.term()).as("a pre-candidate does not raise its term").isEqualTo(1);
        assertThat(r.vote()).as("nor vote").isEqualTo(Raft.NONE);
        assertThat(r.lead()).as("it forgot the leader").isEqualTo(Raft.NONE);
        assertThat(r.readMessages()).as("pre-votes for the next term, to every peer")
                .containsExactly(new PreVote(1, 2, 2, 0, 0), new PreVote(1, 3, 2, 0, 0));
    }

    @Graded(part = "2a", points = 2, order = 1)
    void aQuorumOfPreVotesStartsTheRealElection() {
        Raft r = preVoteRaft(1, 3, new MemoryStorage());
        r.step(hup(1));
        r.readMessages();
        r.step(new PreVoteResponse(2, 1, 1, false));
        assertThat(r.role()).as("after a pre-vote quorum").isEqualTo(Role.CANDIDATE);
        assertThat(r.term()).as("the term rises only now").isEqualTo(1);
        assertThat(only(r.readMessages(), RequestVote.class)).as("real vote requests")
                .containsExactly(new RequestVote(1, 2, 1, 0, 0), new RequestVote(1, 3, 1, 0, 0));

        Network network = network(3, true);
        network.send(hup(1));
        assertThat(network.node(1).role()).as("a pre-vote network elects node 1").isEqualTo(Role.LEADER);
        assertThat(network.node(2).term()).as("in term 1").isEqualTo(1);
    }

    @Graded(part = "2a", points = 2, order = 2)
    void grantingAPreVoteChangesNothing() {
        Raft r = preVoteRaft(2, 3, new MemoryStorage());
        r.becomeFollower(1, Raft.NONE);
        r.step(new RequestVote(1, 2, 1, 0, 0));
        r.readMessages();
        r.step(new PreVote(3, 2, 2, 0, 0));
        assertThat(r.readMessages()).as("a pre-vote for term 2 with an up-to-date log is granted, in term 2")
                .containsExactly(new PreVoteResponse(2, 3, 2, false));
        assertThat(r.term()).as("the voter's term is unchanged").isEqualTo(1);
        assertThat(r.vote()).as("and so is its vote").isEqualTo(1);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void preVoteIsRejectedForAnOutOfDateLog() {
        Raft r = preVoteRaft(2, 3, storageWithTerms(1, 1));
        r.step(new PreVote(3, 2, 2, 1, 1));
        assertThat(r.readMessages()).as("pre-vote from a log ending at 1/1 to a log ending at 2/1")
                .containsExactly(new PreVoteResponse(2, 3, 1, true));
        assertThat(r.term()).isEqualTo(1);
    }

    @Graded(part = "2a", points = 2, order = 3)
    void withoutPreVoteARejoiningNodeDisruptsTheLeader() {
        Network network = network(3, false);
        network.send(hup(1));
        network.isolate(3);
        for (int i = 0; i < 3 * 2 * Fixtures.ELECTION; i++) {
            network.node(3).tick();
            network.flush();
        }
        long inflated = network.node(3).term();
        assertThat(inflated).as("an isolated node campaigns again and again").isGreaterThan(2);
        network.recover();
        network.send(hup(3));
        assertThat(network.node(1).role()).as("its vote request of a high term deposes the leader")
                .isNotEqualTo(Role.LEADER);
        assertThat(network.node(1).term()).as("and inflates every term").isGreaterThan(inflated);
    }

    @Graded(part = "2a", points = 3, order = 3)
    void preVoteStopsTermInflation() {
        Network network = network(3, true);
        network.send(hup(1));
        network.isolate(3);
        network.send(propose(1, "while 3 is away"));
        for (int i = 0; i < 3 * 2 * Fixtures.ELECTION; i++) {
            network.node(3).tick();
            network.flush();
        }
        assertThat(network.node(3).term()).as("an isolated pre-candidate never raises its term").isEqualTo(1);
        assertThat(network.node(3).role()).isEqualTo(Role.PRE_CANDIDATE);
        network.recover();
        network.send(hup(3));
        assertThat(network.node(3).role()).as("its pre-vote fails: its log is behind").isEqualTo(Role.FOLLOWER);
        assertThat(network.node(1).role()).as("the leader stays").isEqualTo(Role.LEADER);
        assertThat(network.node(1).term()).as("and no term was inflated").isEqualTo(1);
        network.send(Fixtures.beat(1));
        assertThat(network.node(3).raftLog().lastIndex()).as("node 3 rejoins and catches up").isEqualTo(2);
    }
}
