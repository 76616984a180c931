package kvlab.raft.core;

import static kvlab.raft.core.Fixtures.hup;
import static kvlab.raft.core.Fixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kvlab.harness.grading.Graded;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message;
import kvlab.raft.Message.AppendResponse;
import kvlab.raft.Message.Heartbeat;
import kvlab.raft.Message.RequestVote;
import kvlab.raft.Role;

/** Part 2A: check-quorum (thesis §6.2): a leader that lost its quorum steps down; followers in lease ignore candidates. */
class RaftCheckQuorumTest {

    private static Network checkQuorumNetwork(int size) {
        Raft[] nodes = new Raft[size];
        for (int i = 0; i < size; i++) {
            nodes[i] = new Raft(Fixtures.config(i + 1, ids(size)).withCheckQuorum(true), new MemoryStorage());
        }
        return new Network(nodes);
    }

    @Graded(part = "2a", points = 2, order = 2)
    void leaderStepsDownWithoutQuorum() {
        Network network = checkQuorumNetwork(3);
        network.send(hup(1));
        Raft leader = network.node(1);
        assertThat(leader.role()).isEqualTo(Role.LEADER);
        network.isolate(1);
        for (int i = 0; i <= 2 * Fixtures.ELECTION; i++) {
            leader.tick();
            network.flush();
        }
        assertThat(leader.role()).as("a leader cut off from its quorum for two election timeouts").isEqualTo(Role.FOLLOWER);
        assertThat(leader.term()).as("stepping down keeps the term").isEqualTo(1);
        assertThat(leader.lead()).isEqualTo(Raft.NONE);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void leaderWithItsQuorumStays() {
        Network network = checkQuorumNetwork(3);
        network.send(hup(1));
        network.isolate(3);
        network.cut(2, 3);
        for (int i = 0; i < 5 * Fixtures.ELECTION; i++) {
            network.node(1).tick();
            network.node(2).tick();
            network.flush();
        }
        assertThat(network.node(1).role()).as("a leader that hears from 1 of 2 followers keeps leading").isEqualTo(Role.LEADER);
        assertThat(network.node(1).term()).isEqualTo(1);
    }

    @Graded(part = "2a", points = 2, order = 2)
    void followerInLeaseIgnoresVoteRequests() {
        Raft r = new Raft(Fixtures.config(2, ids(3)).withCheckQuorum(true), new MemoryStorage());
        r.step(new Heartbeat(1, 2, 1, 0, 0));
        r.readMessages();
        r.step(new RequestVote(3, 2, 2, 5, 5));
        assertThat(r.term()).as("a follower that just heard from its leader ignores a higher-term candidate")
                .isEqualTo(1);
        assertThat(r.readMessages()).as("not even answering it").isEmpty();
        assertThat(r.lead()).isEqualTo(1);
    }

    @Graded(part = "2a", points = 2, order = 3)
    void staleLeaderLearnsTheNewTermFromItsFollowers() {
        Raft follower = new Raft(Fixtures.config(2, ids(3)).withCheckQuorum(true), new MemoryStorage());
        follower.becomeFollower(5, 3);
        follower.step(new Heartbeat(1, 2, 1, 0, 0));
        List<Message> answer = follower.readMessages();
        assertThat(answer).as("a heartbeat from a stale leader (term 1) is answered with the current term")
                .containsExactly(new AppendResponse(2, 1, 5, 0, false, 0, 0));

        Raft stale = new Raft(Fixtures.config(1, ids(3)).withCheckQuorum(true), new MemoryStorage());
        stale.becomeCandidate();
        stale.becomeLeader();
        stale.step((AppendResponse) answer.get(0));
        assertThat(stale.role()).as("the stale leader, on that answer").isEqualTo(Role.FOLLOWER);
        assertThat(stale.term()).isEqualTo(5);
    }
}
