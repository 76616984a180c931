package kvlab.raft.core;

import static kvlab.raft.core.Fixtures.beat;
import static kvlab.raft.core.Fixtures.entry;
import static kvlab.raft.core.Fixtures.hup;
import static kvlab.raft.core.Fixtures.ids;
import static kvlab.raft.core.Fixtures.only;
import static kvlab.raft.core.Fixtures.propose;
import static kvlab.raft.core.Fixtures.raft;
import static kvlab.raft.core.Fixtures.storageWithTerms;
import static kvlab.raft.core.Fixtures.termsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kvlab.harness.grading.Graded;
import kvlab.raft.Entry;
import kvlab.raft.Message;
import kvlab.raft.Message.Append;
import kvlab.raft.Message.AppendResponse;
import kvlab.raft.Message.Heartbeat;
import kvlab.raft.ProposalDroppedException;
import kvlab.raft.Role;

/** Part 2A: log replication and commitment (Raft §5.3, §5.4.2), from the leader's and the follower's side. */
class RaftReplicationTest {

    /** Node 1 of 3 made leader of term 1 directly; its outbox is emptied. */
    private static Raft leaderOf(int size) {
        Raft r = raft(1, ids(size));
        r.becomeCandidate();
        r.becomeLeader();
        r.readMessages();
        return r;
    }

    private static void ack(Raft leader, long from, long index) {
        leader.step(new AppendResponse(from, leader.id(), leader.term(), index, false, 0, 0));
    }

    @Graded(part = "2a", points = 1, order = 1)
    void newLeaderAppendsAnEmptyEntry() {
        Raft r = raft(1, ids(3), storageWithTerms(1, 1));
        r.becomeCandidate();
        r.becomeLeader();
        RaftLog log = r.raftLog();
        assertThat(log.lastIndex()).as("last index after becoming leader over a log of 2").isEqualTo(3);
        assertThat(log.term(3)).as("the new entry has the leader's term").isEqualTo(2);
        assertThat(log.allEntries().get(2).dataLength()).as("the new entry is empty").isZero();
        assertThat(log.committed()).as("nothing is committed without acknowledgements").isZero();
        assertThat(r.lead()).as("a leader leads").isEqualTo(1);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void leaderTracksMatchAndNext() {
        Raft r = raft(1, ids(3), storageWithTerms(1, 1));
        r.becomeCandidate();
        r.becomeLeader();
        assertThat(r.progress(1).match()).as("the leader's own match is its last index").isEqualTo(3);
        assertThat(r.progress(2).match()).as("a follower's match is unknown").isZero();
        assertThat(r.progress(2).next()).as("next starts after the leader's log as it was").isEqualTo(3);
        ack(r, 2, 3);
        assertThat(r.progress(2).match()).as("match after an acknowledgement of 3").isEqualTo(3);
        assertThat(r.progress(2).next()).as("next after an acknowledgement of 3").isEqualTo(4);
        assertThatThrownBy(() -> raft(2, ids(3)).progress(1)).as("a follower has no progress")
                .isInstanceOf(IllegalStateException.class);
    }

    @Graded(part = "2a", points = 2, order = 1)
    void leaderBroadcastsHeartbeats() {
        Raft r = leaderOf(3);
        ack(r, 2, 1);
        r.readMessages();
        r.tick();
        assertThat(only(r.readMessages(), Heartbeat.class)).as("heartbeats after heartbeatTick, with commit capped at match")
                .containsExactly(new Heartbeat(1, 2, 1, 1, 0), new Heartbeat(1, 3, 1, 0, 0));
    }

    @Graded(part = "2a", points = 1, order = 1)
    void leaderReplicatesAProposal() {
        Raft r = leaderOf(3);
        ack(r, 2, 1);
        ack(r, 3, 1);
        r.readMessages();
        r.step(propose(1, "some data"));
        assertThat(r.raftLog().lastIndex()).isEqualTo(2);
        assertThat(only(r.readMessages(), Append.class)).as("appends of the proposal to each follower").containsExactly(
                new Append(1, 2, 1, 1, 1, List.of(entry(2, 1, "some data")), 1),
                new Append(1, 3, 1, 1, 1, List.of(entry(2, 1, "some data")), 1));
        assertThat(r.raftLog().unstableEntries()).as("unstable until the application persists it")
                .contains(entry(2, 1, "some data"));
    }

    @Graded(part = "2a", points = 2, order = 1)
    void leaderCommitsOnAQuorumOfAcknowledgements() {
        Raft r = leaderOf(3);
        ack(r, 2, 1);
        r.step(propose(1, "x"));
        r.readMessages();
        assertThat(r.raftLog().committed()).isEqualTo(1);
        ack(r, 2, 2);
        assertThat(r.raftLog().committed()).as("leader and node 2 of 3 hold entry 2").isEqualTo(2);
        assertThat(r.raftLog().nextCommittedEntries()).as("committed entries to apply")
                .containsExactly(Entry.empty(1, 1), entry(2, 1, "x"));
        assertThat(only(r.readMessages(), Append.class)).as("the new commit index is sent in the next appends")
                .allMatch(a -> a.commit() == 2, "commit == 2");
    }

    @Graded(part = "2a", points = 2, order = 2)
    void leaderNeedsAMajorityToCommit() {
        // {followers that acknowledge} in a cluster of 5: the leader commits with 2 of them, not with 1.
        for (List<Long> acks : List.of(List.<Long>of(), List.of(2L), List.of(2L, 3L), List.of(3L, 5L), List.of(2L, 3L, 4L, 5L))) {
            Raft r = leaderOf(5);
            r.step(propose(1, "x"));
            r.readMessages();
            acks.forEach(id -> ack(r, id, 2));
            long expected = acks.size() >= 2 ? 2 : 0;
            assertThat(r.raftLog().committed()).as("5 nodes, acknowledged by the leader and " + acks).isEqualTo(expected);
        }
    }

    @Graded(part = "2a", points = 2, order = 2)
    void leaderCommitsPrecedingEntriesThroughItsOwnTerm() {
        for (long[] terms : new long[][] {{}, {2}, {1, 1}, {1, 2}}) {
            Raft r = raft(1, ids(3), storageWithTerms(terms));
            r.becomeFollower(2, Raft.NONE);
            r.becomeCandidate();
            r.becomeLeader();
            r.step(propose(1, "x"));
            ack(r, 2, terms.length + 2);
            long last = terms.length + 2;
            assertThat(r.raftLog().committed()).as("log " + java.util.Arrays.toString(terms)
                    + " + empty + proposal, acknowledged to the end").isEqualTo(last);
            assertThat(r.raftLog().nextCommittedEntries()).as("preceding entries commit too").hasSize((int) last);
        }
    }

    @Graded(part = "2a", points = 3, order = 3)
    void entriesOfEarlierTermsAreNotCommittedByCounting() {
        // Raft §5.4.2, figure 8: a quorum holds entries 1..2 (term 1), but the leader of term 2 must not
        // commit them until an entry of term 2 is on a quorum too.
        Raft r = raft(1, ids(3), storageWithTerms(1, 1));
        r.becomeCandidate();
        r.becomeLeader();
        ack(r, 2, 2);
        ack(r, 3, 2);
        assertThat(r.raftLog().committed()).as("entries of term 1 on all three nodes, leader in term 2").isZero();
        ack(r, 2, 3);
        assertThat(r.raftLog().committed()).as("once the term-2 entry is on a quorum, everything commits").isEqualTo(3);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void followerCommitsWhatTheLeaderCommitted() {
        Raft r = raft(2, ids(3));
        r.becomeFollower(1, 1);
        r.step(new Append(1, 2, 1, 0, 0, List.of(entry(1, 1, "a"), entry(2, 1, "b")), 1));
        assertThat(r.raftLog().committed()).as("leader commit 1").isEqualTo(1);
        assertThat(r.raftLog().nextCommittedEntries()).containsExactly(entry(1, 1, "a"));
        r.step(new Heartbeat(1, 2, 1, 2, 0));
        assertThat(r.raftLog().committed()).as("a heartbeat carries commit 2").isEqualTo(2);
        r.step(new Append(1, 2, 1, 0, 0, List.of(entry(1, 1, "a")), 5));
        assertThat(r.raftLog().committed()).as("commit never passes the last new entry of an append, never decreases")
                .isEqualTo(2);
        assertThat(r.readMessages()).as("answers").containsExactly(
                new AppendResponse(2, 1, 1, 2, false, 0, 0),
                new Message.HeartbeatResponse(2, 1, 1, 0),
                new AppendResponse(2, 1, 1, 2, false, 0, 0));
    }

    @Graded(part = "2a", points = 2, order = 2)
    void followerChecksLogConsistency() {
        // Follower log terms [1, 2], committed 1. {prev term, prev index, reject, response index, hint, hint term}
        long[][] cases = {
            {0, 0, 0, 1, 0, 0}, // below the commit index: answered with the commit index
            {1, 1, 0, 1, 0, 0},
            {2, 2, 0, 2, 0, 0},
            {1, 2, 1, 2, 1, 1}, // term mismatch at 2: the hint skips back to the last index with term <= 1
            {3, 3, 1, 3, 2, 2}, // index 3 does not exist: the hint is the last index
        };
        for (long[] c : cases) {
            Raft r = raft(2, ids(3), storageWithTerms(1, 2));
            r.becomeFollower(2, 1);
            r.raftLog().commitTo(1);
            r.step(new Append(1, 2, 2, c[0], c[1], List.of(), 1));
            assertThat(r.readMessages()).as("append after index " + c[1] + " with term " + c[0])
                    .containsExactly(new AppendResponse(2, 1, 2, c[3], c[2] == 1, c[4], c[5]));
        }
    }

    @Graded(part = "2a", points = 2, order = 2)
    void followerAppendsAndTruncatesConflicts() {
        checkFollowerAppend(2, 2, List.of(Entry.empty(3, 3)), List.of(1L, 2L, 3L));
        checkFollowerAppend(1, 1, List.of(Entry.empty(2, 3), Entry.empty(3, 4)), List.of(1L, 3L, 4L));
        checkFollowerAppend(0, 0, List.of(Entry.empty(1, 1)), List.of(1L, 2L));
        checkFollowerAppend(0, 0, List.of(Entry.empty(1, 3)), List.of(3L));
    }

    private static void checkFollowerAppend(long prevIndex, long prevTerm, List<Entry> entries, List<Long> expected) {
        Raft r = raft(2, ids(3), storageWithTerms(1, 2));
        r.becomeFollower(2, 1);
        r.step(new Append(1, 2, 2, prevTerm, prevIndex, entries, 0));
        assertThat(termsOf(r.raftLog())).as("log [1, 2] after appending " + entries + " after index " + prevIndex)
                .isEqualTo(expected);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void proposalsAreDroppedWithoutALeader() {
        Raft follower = raft(1, ids(3));
        assertThatThrownBy(() -> follower.step(propose(1, "x"))).as("a follower that knows no leader")
                .isInstanceOf(ProposalDroppedException.class);
        Raft candidate = raft(1, ids(3));
        candidate.becomeCandidate();
        assertThatThrownBy(() -> candidate.step(propose(1, "x"))).as("a candidate")
                .isInstanceOf(ProposalDroppedException.class);
        assertThat(follower.raftLog().lastIndex()).as("a dropped proposal leaves no entry").isZero();
        assertThat(candidate.raftLog().lastIndex()).isZero();
    }

    @Graded(part = "2a", points = 2, order = 2)
    void proposalsCommitOnEveryReachableNode() {
        Network network = new Network(raft(1, ids(3)), raft(2, ids(3)), null);
        network.send(hup(1));
        network.send(propose(1, "a"));
        network.send(propose(2, "b")); // a follower forwards to its leader
        for (long id = 1; id <= 2; id++) {
            RaftLog log = network.node(id).raftLog();
            assertThat(log.allEntries()).as("log of node " + id)
                    .containsExactly(Entry.empty(1, 1), entry(2, 1, "a"), entry(3, 1, "b"));
            assertThat(log.committed()).as("commit of node " + id).isEqualTo(3);
        }
    }

    @Graded(part = "2a", points = 1, order = 2)
    void heartbeatResponseResumesReplicationToALaggingFollower() {
        Network network = Network.ofSize(3);
        network.send(hup(1));
        network.cut(1, 3);
        network.send(propose(1, "a"));
        network.recover();
        assertThat(network.node(3).raftLog().lastIndex()).as("node 3 missed the proposal").isEqualTo(1);
        network.send(beat(1));
        assertThat(network.node(3).raftLog().lastIndex()).as("after a heartbeat round trip, node 3 catches up")
                .isEqualTo(2);
        assertThat(network.node(3).raftLog().committed()).isEqualTo(2);
    }

    @Graded(part = "2a", points = 1, order = 3)
    void appendsRespectMaxSizePerMessage() {
        Raft r = new Raft(Fixtures.config(1, ids(2)).withLimits(2 * Entry.HEADER_BYTES, 256),
                new kvlab.raft.MemoryStorage());
        r.becomeCandidate();
        r.becomeLeader();
        for (int i = 0; i < 5; i++) {
            r.step(propose(1, ""));
        }
        List<Append> appends = new java.util.ArrayList<>(only(r.readMessages(), Append.class));
        ack(r, 2, 2);
        appends.addAll(only(r.readMessages(), Append.class));
        assertThat(appends).as("appends sent").allSatisfy(a -> assertThat(a.entries())
                .as("entries in one append limited to 2 x 16 bytes").hasSizeBetween(1, 2));
        assertThat(appends.stream().flatMap(a -> a.entries().stream()).map(Entry::index))
                .as("every entry is sent once the follower acknowledged the first message")
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Graded(part = "2a", points = 1, order = 3)
    void inflightLimitBoundsUnacknowledgedAppends() {
        Raft r = new Raft(Fixtures.config(1, ids(2)).withLimits(1 << 20, 2), new kvlab.raft.MemoryStorage());
        r.becomeCandidate();
        r.becomeLeader();
        ack(r, 2, 1);
        r.readMessages();
        for (int i = 0; i < 5; i++) {
            r.step(propose(1, "p" + i));
        }
        assertThat(only(r.readMessages(), Append.class)).as("with max 2 appends in flight, 5 proposals send 2 appends")
                .hasSize(2);
        ack(r, 2, 2);
        assertThat(only(r.readMessages(), Append.class)).as("an acknowledgement frees a slot: the rest goes in one append")
                .hasSize(1).first().satisfies(a -> assertThat(a.entries()).extracting(Entry::index).containsExactly(4L, 5L, 6L));
    }

    @Graded(part = "2a", points = 2, order = 3)
    void followerThatLostAFullWindowOfAppendsCatchesUp() {
        Raft[] nodes = new Raft[3];
        for (int i = 0; i < 3; i++) {
            nodes[i] = new Raft(Fixtures.config(i + 1, ids(3)).withLimits(1 << 20, 2), new kvlab.raft.MemoryStorage());
        }
        Network network = new Network(nodes);
        network.send(hup(1));
        network.cut(1, 3);
        for (int i = 0; i < 4; i++) {
            network.send(propose(1, "lost on the way to 3: " + i));
        }
        network.recover();
        network.send(Fixtures.beat(1));
        network.send(Fixtures.beat(1));
        assertThat(network.node(3).raftLog().lastIndex())
                .as("after heartbeats, node 3 (whose inflight window of 2 appends was lost) has every entry").isEqualTo(5);
        assertThat(network.node(3).raftLog().committed()).isEqualTo(5);
    }

    @Graded(part = "2a", points = 2, order = 3)
    void fastBacktrackingSkipsAFollowersStaleTerm() {
        // Leader: [1] + 50 entries of term 2. Follower: [1] + 60 entries of term 1 that nobody committed.
        long[] leaderTerms = new long[51];
        long[] followerTerms = new long[61];
        java.util.Arrays.fill(leaderTerms, 2);
        java.util.Arrays.fill(followerTerms, 1);
        leaderTerms[0] = 1;
        checkBacktracking(leaderTerms, followerTerms);
    }

    @Graded(part = "2a", points = 2, order = 3)
    void fastBacktrackingSkipsTheLeadersOwnTerms() {
        // Leader: [1] + 10 entries of term 3. Follower: [1] + 50 entries of term 2.
        long[] leaderTerms = new long[11];
        long[] followerTerms = new long[51];
        java.util.Arrays.fill(leaderTerms, 3);
        java.util.Arrays.fill(followerTerms, 2);
        leaderTerms[0] = 1;
        followerTerms[0] = 1;
        checkBacktracking(leaderTerms, followerTerms);
    }

    @Graded(part = "2a", points = 2, order = 3)
    void fastBacktrackingSkipsTheFollowersHigherTerm() {
        // Leader: [1] + 50 entries of term 2 + one of term 6. Follower: [1] + 50 entries of term 5. The
        // follower's hint must skip its own term-5 entries: the leader's log cannot skip them for it.
        long[] leaderTerms = new long[52];
        long[] followerTerms = new long[51];
        java.util.Arrays.fill(leaderTerms, 2);
        java.util.Arrays.fill(followerTerms, 5);
        leaderTerms[0] = 1;
        leaderTerms[51] = 6;
        followerTerms[0] = 1;
        checkBacktracking(leaderTerms, followerTerms);
    }

    private static void checkBacktracking(long[] leaderTerms, long[] followerTerms) {
        Raft leader = raft(1, ids(3), storageWithTerms(leaderTerms));
        Raft follower = raft(2, ids(3), storageWithTerms(followerTerms));
        Network network = new Network(leader, follower, null);
        network.send(hup(1));
        assertThat(leader.role()).as("the leader, whose last term is higher, wins").isEqualTo(Role.LEADER);
        long rejections = network.delivered().stream()
                .filter(m -> m instanceof AppendResponse a && a.reject()).count();
        assertThat(rejections).as("rejected appends before the logs matched (one per conflicting term, not per entry)")
                .isLessThanOrEqualTo(2);
        assertThat(follower.raftLog().allEntries()).as("the follower's log after sync").isEqualTo(leader.raftLog().allEntries());
    }
}
