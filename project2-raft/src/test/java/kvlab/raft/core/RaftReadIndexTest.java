package kvlab.raft.core;

import static kvlab.raft.core.Fixtures.bytes;
import static kvlab.raft.core.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kvlab.harness.grading.Graded;
import kvlab.raft.Message;
import kvlab.raft.ReadState;
import kvlab.raft.Role;

/**
 * Part 2B, Raft side of linearizable reads (thesis §6.4, etcd-raft's ReadIndex): the rules on
 * {@link Raft} under "Read index", through {@link RawNode#readIndex} and {@code Ready.readStates}.
 */
class RaftReadIndexTest {

    /** Three nodes, node 1 leading in term 1 with entries 1 (empty) and 2 ("x") committed everywhere. */
    private static ReadyLoop leaderWithTwoEntries() {
        ReadyLoop loop = new ReadyLoop(3);
        loop.node(1).campaign();
        loop.stabilize();
        loop.node(1).propose(bytes("x"));
        loop.stabilize();
        assertThat(loop.node(1).raft().raftLog().committed()).as("leader's commit index after the setup").isEqualTo(2);
        return loop;
    }

    @Graded(part = "2b", points = 2, order = 40)
    void leaderServesAfterHeartbeatQuorum() {
        ReadyLoop loop = leaderWithTwoEntries();
        int sentBefore = loop.sent().size();
        loop.node(1).readIndex(7);
        loop.stabilize();
        List<Message> sent = loop.sent().subList(sentBefore, loop.sent().size());
        assertThat(only(sent, Message.Heartbeat.class)).as("heartbeats of the leadership check, carrying context 7")
                .extracting(Message.Heartbeat::context).containsExactly(7L, 7L);
        assertThat(loop.readStates(1)).as("read states of the leader").containsExactly(new ReadState(2, 7));
        assertThat(only(sent, Message.Append.class)).as("appends caused by a read").isEmpty();
        assertThat(loop.node(1).raft().raftLog().lastIndex()).as("leader's last index after a read").isEqualTo(2);
    }

    @Graded(part = "2b", points = 2, order = 41)
    void leaderWaitsForAQuorumAndConfirmsEarlierReadsWithLaterOnes() {
        ReadyLoop loop = leaderWithTwoEntries();
        loop.lose(m -> m instanceof Message.HeartbeatResponse);
        loop.node(1).readIndex(7);
        loop.stabilize();
        assertThat(loop.readStates(1)).as("read states while no follower answers heartbeats").isEmpty();
        loop.lose(m -> m instanceof Message.HeartbeatResponse && m.from() == 3);
        loop.node(1).readIndex(8);
        loop.stabilize();
        assertThat(loop.readStates(1)).as("node 2's answer for read 8 makes a quorum; it confirms read 7 too, first")
                .containsExactly(new ReadState(2, 7), new ReadState(2, 8));
    }

    @Graded(part = "2b", points = 2, order = 42)
    void followerForwardsToTheLeader() {
        ReadyLoop loop = leaderWithTwoEntries();
        int sentBefore = loop.sent().size();
        loop.node(2).readIndex(9);
        loop.stabilize();
        List<Message> sent = loop.sent().subList(sentBefore, loop.sent().size());
        assertThat(only(sent, Message.ReadIndex.class)).as("the follower's forwarded request")
                .containsExactly(new Message.ReadIndex(2, 1, 0, 9));
        assertThat(only(sent, Message.ReadIndexResponse.class)).as("the leader's answer")
                .containsExactly(new Message.ReadIndexResponse(1, 2, 1, 9, 2));
        assertThat(loop.readStates(2)).as("read states of the follower").containsExactly(new ReadState(2, 9));
        assertThat(loop.readStates(1)).as("read states of the leader (the read was the follower's)").isEmpty();
    }

    @Graded(part = "2b", points = 2, order = 43)
    void noReadBeforeTheLeaderCommitsAnEntryOfItsTerm() {
        ReadyLoop loop = new ReadyLoop(3);
        loop.lose(m -> m instanceof Message.AppendResponse);
        loop.node(1).campaign();
        loop.stabilize();
        assertThat(loop.node(1).raft().role()).as("node 1 after its campaign").isEqualTo(Role.LEADER);
        loop.node(1).readIndex(5);
        loop.node(1).tick();
        loop.stabilize();
        assertThat(loop.node(1).raft().raftLog().committed()).as("leader's commit index without append answers")
                .isZero();
        assertThat(loop.readStates(1)).as("read states before the leader committed an entry of its term").isEmpty();
        loop.lose(m -> false);
        loop.node(1).tick();
        loop.stabilize();
        assertThat(loop.readStates(1)).as("the held-back read, served at the new term's first entry once committed")
                .containsExactly(new ReadState(1, 5));
    }

    @Graded(part = "2b", points = 2, order = 44)
    void partitionedOldLeaderCannotServe() {
        ReadyLoop loop = leaderWithTwoEntries();
        loop.lose(m -> m.from() == 1 || m.to() == 1);
        loop.node(2).campaign();
        loop.stabilize();
        assertThat(loop.node(2).raft().role()).as("node 2 after campaigning in the majority").isEqualTo(Role.LEADER);
        loop.node(2).propose(bytes("y"));
        loop.stabilize();
        loop.node(1).readIndex(11);
        loop.node(1).tick();
        loop.stabilize();
        assertThat(loop.node(1).raft().role()).as("the cut-off old leader still believes it leads").isEqualTo(Role.LEADER);
        assertThat(loop.readStates(1)).as("read states of the cut-off old leader (it would miss entry 4)").isEmpty();
        loop.node(2).readIndex(12);
        loop.stabilize();
        assertThat(loop.readStates(2)).as("read states of the new leader").containsExactly(new ReadState(4, 12));
        loop.lose(m -> false);
        loop.node(1).tick();
        loop.node(2).tick();
        loop.stabilize();
        assertThat(loop.node(1).raft().role()).as("the old leader once healed and told of term 2").isEqualTo(Role.FOLLOWER);
        assertThat(loop.readStates(1)).as("read states of the old leader after healing").isEmpty();
    }
}
