package kvlab.raft.core;

import static kvlab.raft.core.Fixtures.bytes;
import static kvlab.raft.core.Fixtures.entry;
import static kvlab.raft.core.Fixtures.ids;
import static kvlab.raft.core.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import kvlab.harness.grading.Graded;
import kvlab.raft.Entry;
import kvlab.raft.HardState;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message;
import kvlab.raft.ProposalDroppedException;
import kvlab.raft.Ready;
import kvlab.raft.Role;
import kvlab.raft.SoftState;

/** Part 2A: {@link RawNode} and the Ready/advance protocol written on {@link Ready}. */
class RawNodeTest {

    private final MemoryStorage storage = new MemoryStorage();

    private RawNode single() {
        return new RawNode(Fixtures.config(1, List.of(1L)), storage);
    }

    private RawNode ofThree() {
        return new RawNode(Fixtures.config(1, ids(3)), storage);
    }

    /** Rule 1 of the protocol, then advance (these tests send nothing). */
    private void persistAndAdvance(RawNode node, Ready ready) {
        storage.append(ready.entries());
        ready.hardState().ifPresent(storage::setHardState);
        node.advance(ready);
    }

    @Graded(part = "2a", points = 2, order = 1)
    void campaignMakesASingleNodeLeader() {
        RawNode node = single();
        node.campaign();
        Ready ready = node.ready();
        assertThat(ready.softState()).as("soft state in the first Ready").contains(new SoftState(1, Role.LEADER));
        assertThat(ready.hardState()).as("hard state: term 1, voted for itself, commit 1")
                .contains(new HardState(1, 1, 1));
        assertThat(ready.entries()).as("entries to persist").containsExactly(Entry.empty(1, 1));
        assertThat(ready.committedEntries()).as("entries to apply").containsExactly(Entry.empty(1, 1));
        assertThat(ready.messages()).as("a single node sends nothing").isEmpty();
        assertThat(node.raft().role()).isEqualTo(Role.LEADER);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void tickEventuallyCampaigns() {
        RawNode node = new RawNode(Fixtures.config(2, ids(3)), new MemoryStorage());
        for (int i = 0; i < 2 * Fixtures.ELECTION && !node.hasReady(); i++) {
            node.tick();
        }
        assertThat(node.hasReady()).as("after an election timeout there is work").isTrue();
        Ready ready = node.ready();
        assertThat(ready.hardState()).as("the vote for itself must be persisted").contains(new HardState(1, 2, 0));
        assertThat(ready.messages()).as("vote requests").containsExactly(
                new Message.RequestVote(2, 1, 1, 0, 0), new Message.RequestVote(2, 3, 1, 0, 0));
    }

    @Graded(part = "2a", points = 2, order = 1)
    void nothingIsRedeliveredAfterAdvance() {
        RawNode node = single();
        assertThat(node.hasReady()).as("a new node has nothing to do").isFalse();
        node.campaign();
        Ready first = node.ready();
        persistAndAdvance(node, first);
        assertThat(node.hasReady()).as("after advance, nothing is left").isFalse();
        node.propose(bytes("x"));
        Ready second = node.ready();
        assertThat(second.entries()).as("only the new entry").containsExactly(entry(2, 1, "x"));
        assertThat(second.committedEntries()).as("only the newly committed entry").containsExactly(entry(2, 1, "x"));
        assertThat(second.softState()).as("the soft state did not change").isEmpty();
        persistAndAdvance(node, second);
        assertThat(node.hasReady()).isFalse();
        assertThat(node.ready().containsUpdates()).as("a Ready with nothing new").isFalse();
    }

    @Graded(part = "2a", points = 1, order = 1)
    void readyCarriesHardStateOnlyWhenChanged() {
        RawNode node = ofThree();
        node.campaign();
        Ready ready = node.ready();
        assertThat(ready.hardState()).as("after campaigning").contains(new HardState(1, 1, 0));
        persistAndAdvance(node, ready);
        node.step(new Message.RequestVoteResponse(2, 1, 1, true));
        Ready next = node.ready();
        assertThat(next.hardState()).as("a rejection changes no hard state").isEmpty();
        persistAndAdvance(node, next);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void readyCarriesSoftStateOnlyWhenChanged() {
        RawNode node = ofThree();
        node.campaign();
        Ready ready = node.ready();
        assertThat(ready.softState()).as("after campaigning").contains(new SoftState(Raft.NONE, Role.CANDIDATE));
        persistAndAdvance(node, ready);
        node.step(new Message.RequestVoteResponse(2, 1, 1, false));
        Ready won = node.ready();
        assertThat(won.softState()).as("after winning").contains(new SoftState(1, Role.LEADER));
        persistAndAdvance(node, won);
        node.tick();
        Ready beat = node.ready();
        assertThat(beat.softState()).as("a heartbeat tick changes no soft state").isEqualTo(Optional.empty());
        assertThat(only(beat.messages(), Message.Heartbeat.class)).as("heartbeats").hasSize(2);
    }

    @Graded(part = "2a", points = 2, order = 2)
    void readyCarriesEntriesMessagesAndCommittedEntries() {
        ReadyLoop loop = new ReadyLoop(3);
        loop.node(1).campaign();
        loop.stabilize();
        RawNode leader = loop.node(1);
        leader.propose(bytes("x"));
        Ready ready = leader.ready();
        assertThat(ready.entries()).as("the proposal, to persist").containsExactly(entry(2, 1, "x"));
        assertThat(only(ready.messages(), Message.Append.class)).as("appends carrying it, to send after persisting")
                .hasSize(2).allSatisfy(a -> assertThat(a.entries()).containsExactly(entry(2, 1, "x")));
        assertThat(ready.committedEntries()).as("not committed before acknowledgements").isEmpty();
        loop.handle(1, ready);
        loop.stabilize();
        assertThat(loop.applied(1)).as("applied by the leader once acknowledged")
                .containsExactly(Entry.empty(1, 1), entry(2, 1, "x"));
    }

    @Graded(part = "2a", points = 3, order = 2)
    void committedEntriesArriveInOrderExactlyOnce() {
        ReadyLoop loop = new ReadyLoop(3);
        loop.node(1).campaign();
        loop.stabilize();
        for (int i = 0; i < 20; i++) {
            loop.node(1 + i % 3).propose(bytes("cmd" + i)); // followers forward to the leader
            if (i % 4 == 0) {
                loop.stabilize();
            }
        }
        loop.stabilize();
        List<Entry> expected = loop.applied(1);
        assertThat(expected).as("entries applied by the leader").hasSize(21);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(expected.get(i).index()).as("index of the applied entry number " + i).isEqualTo(i + 1);
        }
        for (long id = 2; id <= 3; id++) {
            assertThat(loop.applied(id)).as("entries applied by node " + id).isEqualTo(expected);
        }
    }

    @Graded(part = "2a", points = 3, order = 3)
    void restartsFromStorage() {
        ReadyLoop loop = new ReadyLoop(3);
        loop.node(1).campaign();
        loop.stabilize();
        loop.node(1).propose(bytes("a"));
        loop.node(1).propose(bytes("b"));
        loop.stabilize();
        Raft before = loop.node(2).raft();
        long term = before.term();
        long vote = before.vote();
        long committed = before.raftLog().committed();
        List<Entry> log = before.raftLog().allEntries();

        RawNode restarted = loop.restart(2, Fixtures.config(2, ids(3)));
        Raft after = restarted.raft();
        assertThat(after.term()).as("term after restart").isEqualTo(term);
        assertThat(after.vote()).as("vote after restart").isEqualTo(vote);
        assertThat(after.raftLog().committed()).as("commit after restart").isEqualTo(committed);
        assertThat(after.raftLog().allEntries()).as("log after restart").isEqualTo(log);
        assertThat(after.raftLog().unstableEntries()).as("persisted entries are stable after restart").isEmpty();
        assertThat(after.role()).isEqualTo(Role.FOLLOWER);
        Ready first = restarted.ready();
        assertThat(first.hardState()).as("the restored hard state is not re-delivered").isEmpty();
        assertThat(first.committedEntries()).as("committed entries are applied again: nothing was applied yet")
                .isEqualTo(log.subList(0, (int) committed));
    }

    @Graded(part = "2a", points = 1, order = 3)
    void restartSkipsEntriesAlreadyApplied() {
        MemoryStorage storage = new MemoryStorage();
        storage.append(List.of(entry(1, 1, "a"), entry(2, 1, "b"), entry(3, 1, "c")));
        storage.setHardState(new HardState(1, 1, 3));
        RawNode node = new RawNode(Fixtures.config(1, ids(3)).withApplied(2), storage);
        assertThat(node.ready().committedEntries()).as("applied 2, committed 3").containsExactly(entry(3, 1, "c"));
    }

    @Graded(part = "2a", points = 1, order = 2)
    void hasReadyDoesNotLoseMessages() {
        RawNode node = ofThree();
        node.campaign();
        assertThat(node.hasReady()).isTrue();
        assertThat(node.hasReady()).as("asking twice").isTrue();
        assertThat(node.ready().messages()).as("messages after hasReady()").hasSize(2);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void breakingTheReadyProtocolFailsLoudly() {
        RawNode node = single();
        node.campaign();
        Ready ready = node.ready();
        assertThatThrownBy(node::ready).as("ready() again before advance()").isInstanceOf(IllegalStateException.class);
        persistAndAdvance(node, ready);
        assertThatThrownBy(() -> node.advance(ready)).as("advance() twice with the same Ready")
                .isInstanceOf(IllegalStateException.class);
        Ready next = node.ready();
        assertThatThrownBy(() -> node.advance(ready)).as("advance() with an older Ready")
                .isInstanceOf(IllegalStateException.class);
        persistAndAdvance(node, next);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void stepRejectsLocalAndMisaddressedMessages() {
        RawNode node = ofThree();
        assertThatThrownBy(() -> node.step(Fixtures.hup(1))).as("a Hup from the network")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> node.step(Fixtures.beat(1))).as("a Beat from the network")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> node.step(new Message.Heartbeat(2, 3, 1, 0, 0))).as("a message for node 3")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(node.raft().term()).as("a rejected message changes nothing").isZero();
    }

    @Graded(part = "2a", points = 1, order = 1)
    void proposeWithoutALeaderIsDropped() {
        RawNode node = ofThree();
        assertThatThrownBy(() -> node.propose(bytes("x"))).as("a proposal to a node that knows no leader")
                .isInstanceOf(ProposalDroppedException.class);
        assertThat(node.hasReady()).as("a dropped proposal leaves nothing to do").isFalse();
    }
}
