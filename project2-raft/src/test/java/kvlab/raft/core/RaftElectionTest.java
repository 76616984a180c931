package kvlab.raft.core;

import static kvlab.raft.core.Fixtures.ELECTION;
import static kvlab.raft.core.Fixtures.hup;
import static kvlab.raft.core.Fixtures.ids;
import static kvlab.raft.core.Fixtures.only;
import static kvlab.raft.core.Fixtures.raft;
import static kvlab.raft.core.Fixtures.termsOf;
import static kvlab.raft.core.Fixtures.tickElectionTimeout;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import kvlab.harness.grading.Graded;
import kvlab.raft.Config;
import kvlab.raft.Entry;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message;
import kvlab.raft.Message.Append;
import kvlab.raft.Message.RequestVote;
import kvlab.raft.Message.RequestVoteResponse;
import kvlab.raft.Role;

/** Part 2A: starting elections, counting votes, and the term rules (Raft §5.1, §5.2). */
class RaftElectionTest {

    @Graded(part = "2a", points = 1, order = 1)
    void startsAsFollower() {
        Raft r = raft(2, List.of(3L, 1L, 2L));
        assertThat(r.id()).isEqualTo(2);
        assertThat(r.role()).as("role of a new node").isEqualTo(Role.FOLLOWER);
        assertThat(r.term()).as("term of a new node").isZero();
        assertThat(r.vote()).as("vote of a new node").isEqualTo(Raft.NONE);
        assertThat(r.lead()).as("leader of a new node").isEqualTo(Raft.NONE);
        assertThat(r.peers()).as("peers, sorted").containsExactly(1L, 2L, 3L);
        assertThat(r.readMessages()).as("a new node sends nothing").isEmpty();
    }

    @Graded(part = "2a", points = 2, order = 1)
    void termRisesOnAnyMessageWithHigherTerm() {
        for (Role start : List.of(Role.FOLLOWER, Role.CANDIDATE, Role.LEADER)) {
            Raft r = raft(1, ids(3));
            r.becomeFollower(1, 2);
            if (start != Role.FOLLOWER) {
                r.becomeCandidate();
            }
            if (start == Role.LEADER) {
                r.becomeLeader();
            }
            r.step(new Append(2, 1, 5, 0, 0, List.of(), 0));
            assertThat(r.term()).as(start + " receiving an append of term 5: term").isEqualTo(5);
            assertThat(r.role()).as(start + " receiving an append of term 5: role").isEqualTo(Role.FOLLOWER);
            assertThat(r.lead()).as(start + " receiving an append of term 5: the sender leads").isEqualTo(2);
            assertThat(r.vote()).as(start + ": a new term clears the vote").isEqualTo(Raft.NONE);

            r.step(new RequestVoteResponse(3, 1, 7, true));
            assertThat(r.term()).as(start + " then a vote response of term 7: term").isEqualTo(7);
            assertThat(r.lead()).as("a vote response does not come from a leader").isEqualTo(Raft.NONE);
        }
    }

    @Graded(part = "2a", points = 2, order = 1)
    void followerCampaignsAfterElectionTimeout() {
        Raft r = raft(1, ids(3));
        r.becomeFollower(1, 2);
        tickElectionTimeout(r);
        assertThat(r.role()).as("role after an election timeout").isEqualTo(Role.CANDIDATE);
        assertThat(r.term()).as("a candidate increments its term").isEqualTo(2);
        assertThat(r.vote()).as("a candidate votes for itself").isEqualTo(1);
        assertThat(r.lead()).isEqualTo(Raft.NONE);
        assertThat(r.readMessages()).as("vote requests, to every peer in id order")
                .containsExactly(new RequestVote(1, 2, 2, 0, 0), new RequestVote(1, 3, 2, 0, 0));
    }

    @Graded(part = "2a", points = 1, order = 1)
    void candidateStartsANewElectionAfterTimeout() {
        Raft r = raft(1, ids(3));
        r.becomeCandidate();
        r.readMessages();
        tickElectionTimeout(r);
        assertThat(r.role()).isEqualTo(Role.CANDIDATE);
        assertThat(r.term()).as("a candidate that times out starts a new term").isEqualTo(2);
        assertThat(only(r.readMessages(), RequestVote.class)).as("new vote requests")
                .containsExactly(new RequestVote(1, 2, 2, 0, 0), new RequestVote(1, 3, 2, 0, 0));
    }

    @Graded(part = "2a", points = 2, order = 1)
    void campaignsExactlyWhenTheRandomizedTimeoutElapses() {
        Raft r = raft(1, ids(3));
        r.becomeFollower(1, 2);
        int timeout = r.randomizedElectionTimeout();
        assertThat(timeout).as("randomized election timeout").isBetween(ELECTION, 2 * ELECTION - 1);
        for (int i = 1; i < timeout; i++) {
            r.tick();
            assertThat(r.role()).as("role after " + i + " of " + timeout + " ticks").isEqualTo(Role.FOLLOWER);
        }
        r.tick();
        assertThat(r.role()).as("role after " + timeout + " ticks").isEqualTo(Role.CANDIDATE);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void electionTimeoutsAreRandomizedWithinRange() {
        Raft r = raft(1, ids(3));
        TreeSet<Integer> seen = new TreeSet<>();
        for (int term = 1; term <= 500; term++) {
            r.becomeFollower(term, Raft.NONE);
            seen.add(r.randomizedElectionTimeout());
        }
        assertThat(seen.first()).as("smallest timeout drawn").isGreaterThanOrEqualTo(ELECTION);
        assertThat(seen.last()).as("largest timeout drawn").isLessThan(2 * ELECTION);
        assertThat(seen).as("500 draws cover every value of [et, 2et)").hasSize(ELECTION);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void timeoutsComeOnlyFromTheConfiguredRandomSource() {
        List<Integer> first = timeoutsWithSeed(42);
        assertThat(timeoutsWithSeed(42)).as("the same seed gives the same timeouts").isEqualTo(first);
        assertThat(timeoutsWithSeed(43)).as("another seed gives other timeouts").isNotEqualTo(first);
    }

    private static List<Integer> timeoutsWithSeed(long seed) {
        Raft r = new Raft(Config.of(1, ids(3), new SplittableRandom(seed)), new MemoryStorage());
        return java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(term -> {
            r.becomeFollower(term, Raft.NONE);
            return r.randomizedElectionTimeout();
        }).toList();
    }

    @Graded(part = "2a", points = 1, order = 2)
    void followersRarelyTimeOutTogether() {
        List<Raft> nodes = ids(5).stream().map(id -> raft(id, ids(5))).toList();
        int conflicts = 0;
        for (int round = 1; round <= 1000; round++) {
            int min = Integer.MAX_VALUE;
            int atMin = 0;
            for (Raft r : nodes) {
                r.becomeFollower(round, Raft.NONE);
                int t = r.randomizedElectionTimeout();
                atMin = t < min ? 1 : t == min ? atMin + 1 : atMin;
                min = Math.min(min, t);
            }
            conflicts += atMin > 1 ? 1 : 0;
        }
        assertThat(conflicts / 1000.0).as("share of rounds in which two of five followers time out first together"
                + " (about 0.23 for independent uniform draws)").isLessThan(0.3);
    }

    @Graded(part = "2a", points = 2, order = 1)
    void electionInOneRound() {
        checkOneRound(1, List.of(), List.of(), Role.LEADER);
        checkOneRound(3, List.of(2L, 3L), List.of(), Role.LEADER);
        checkOneRound(3, List.of(2L), List.of(), Role.LEADER);
        checkOneRound(5, List.of(2L, 3L), List.of(4L), Role.LEADER);
        checkOneRound(5, List.of(2L), List.of(), Role.CANDIDATE);
        checkOneRound(3, List.of(), List.of(), Role.CANDIDATE);
        checkOneRound(3, List.of(), List.of(2L, 3L), Role.FOLLOWER);
        checkOneRound(5, List.of(2L), List.of(3L, 4L, 5L), Role.FOLLOWER);
    }

    private static void checkOneRound(int size, List<Long> grant, List<Long> reject, Role expected) {
        Raft r = raft(1, ids(size));
        r.step(hup(1));
        grant.forEach(id -> r.step(new RequestVoteResponse(id, 1, 1, false)));
        reject.forEach(id -> r.step(new RequestVoteResponse(id, 1, 1, true)));
        assertThat(r.role()).as(size + " nodes, granted by " + grant + ", rejected by " + reject).isEqualTo(expected);
        assertThat(r.term()).as("term after one round").isEqualTo(1);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void candidateFallsBackOnAppendFromLeaderOfItsTerm() {
        for (long leaderTerm : List.of(1L, 2L)) {
            Raft r = raft(1, ids(3));
            r.step(hup(1));
            r.step(new Append(2, 1, leaderTerm, 0, 0, List.of(), 0));
            assertThat(r.role()).as("candidate of term 1 receiving an append of term " + leaderTerm)
                    .isEqualTo(Role.FOLLOWER);
            assertThat(r.term()).isEqualTo(leaderTerm);
            assertThat(r.lead()).as("the sender of the append leads").isEqualTo(2);
        }
    }

    @Graded(part = "2a", points = 1, order = 1)
    void singleNodeBecomesLeaderAndCommitsAlone() {
        Raft r = raft(1, List.of(1L));
        tickElectionTimeout(r);
        assertThat(r.role()).as("a single node campaigns and wins alone").isEqualTo(Role.LEADER);
        assertThat(r.raftLog().committed()).as("and commits its empty entry alone").isEqualTo(1);
        r.step(Fixtures.propose(1, "x"));
        assertThat(r.raftLog().committed()).as("and commits a proposal alone").isEqualTo(2);
        assertThat(r.readMessages()).as("a single node has nobody to talk to").isEmpty();
    }

    @Graded(part = "2a", points = 2, order = 2)
    void electionsWithUnreachableNodes() {
        checkElection(new Network(raft(1, ids(3)), raft(2, ids(3)), null), Role.LEADER);
        checkElection(new Network(raft(1, ids(3)), null, null), Role.CANDIDATE);
        checkElection(new Network(raft(1, ids(4)), raft(2, ids(4)), null, null), Role.CANDIDATE);
        checkElection(new Network(raft(1, ids(5)), raft(2, ids(5)), raft(3, ids(5)), null, null), Role.LEADER);
    }

    private static void checkElection(Network network, Role expected) {
        network.send(hup(1));
        assertThat(network.node(1).role()).as("node 1 after campaigning").isEqualTo(expected);
        assertThat(network.node(1).term()).as("term after one campaign").isEqualTo(1);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void everyNodeCanBecomeLeaderInTurn() {
        Network network = Network.ofSize(3);
        for (long campaigner = 1; campaigner <= 3; campaigner++) {
            network.send(hup(campaigner));
            for (long id = 1; id <= 3; id++) {
                Role expected = id == campaigner ? Role.LEADER : Role.FOLLOWER;
                assertThat(network.node(id).role()).as("node " + id + " after node " + campaigner + " campaigned")
                        .isEqualTo(expected);
                assertThat(network.node(id).lead()).as("leader known to node " + id).isEqualTo(campaigner);
            }
        }
    }

    @Graded(part = "2a", points = 2, order = 3)
    void duelingCandidates() {
        Network network = Network.ofSize(3);
        network.cut(1, 3);
        network.send(hup(1));
        network.send(hup(3));
        assertThat(network.node(1).role()).as("node 1 won with node 2's vote").isEqualTo(Role.LEADER);
        assertThat(network.node(3).role()).as("node 3 got no vote from node 2 (already voted)").isEqualTo(Role.CANDIDATE);

        network.recover();
        network.send(hup(3));
        // Node 3 campaigns in term 2 with an empty log; 1 and 2 hold the leader's entry and refuse.
        for (long id = 1; id <= 3; id++) {
            assertThat(network.node(id).role()).as("node " + id + " after node 3 lost in term 2").isEqualTo(Role.FOLLOWER);
            assertThat(network.node(id).term()).as("term of node " + id).isEqualTo(2);
        }
        assertThat(termsOf(network.node(1).raftLog())).as("log of node 1").containsExactly(1L);
        assertThat(termsOf(network.node(2).raftLog())).as("log of node 2").containsExactly(1L);
        assertThat(network.node(3).raftLog().lastIndex()).as("node 3 never got the entry").isZero();
    }

    @Graded(part = "2a", points = 2, order = 3)
    void oldMessagesAreIgnored() {
        Network network = Network.ofSize(3);
        network.send(hup(1));
        network.send(hup(2));
        network.send(hup(1));
        // An append from node 2's term 2 arrives late at node 1, the leader of term 3.
        network.send(new Append(2, 1, 2, 2, 2, List.of(Entry.empty(3, 2)), 0));
        network.send(Fixtures.propose(1, "somedata"));
        for (long id = 1; id <= 3; id++) {
            RaftLog log = network.node(id).raftLog();
            assertThat(termsOf(log)).as("terms in the log of node " + id).containsExactly(1L, 2L, 3L, 3L);
            assertThat(Fixtures.string(log.allEntries().get(3).data())).isEqualTo("somedata");
            assertThat(log.committed()).as("commit of node " + id).isEqualTo(4);
        }
    }

    @Graded(part = "2a", points = 1, order = 2)
    void candidateConcedesWhenAQuorumRejects() {
        Raft r = raft(1, ids(5));
        r.step(hup(1));
        r.step(new RequestVoteResponse(2, 1, 1, true));
        r.step(new RequestVoteResponse(3, 1, 1, true));
        assertThat(r.role()).as("2 of 5 rejected: still pending").isEqualTo(Role.CANDIDATE);
        r.step(new RequestVoteResponse(4, 1, 1, true));
        assertThat(r.role()).as("3 of 5 rejected: lost").isEqualTo(Role.FOLLOWER);
        assertThat(r.term()).as("losing keeps the term").isEqualTo(1);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void votesAreCountedOncePerVoter() {
        Raft r = raft(1, ids(5));
        r.step(hup(1));
        r.step(new RequestVoteResponse(2, 1, 1, false));
        r.step(new RequestVoteResponse(2, 1, 1, false));
        assertThat(r.role()).as("a duplicated grant from node 2 counts once (2 of 5 votes)").isEqualTo(Role.CANDIDATE);
        r.step(new RequestVoteResponse(3, 1, 1, false));
        assertThat(r.role()).as("3 of 5 votes").isEqualTo(Role.LEADER);
        assertThat(only(r.readMessages(), Message.Append.class)).as("a new leader sends appends to every peer")
                .extracting(Message::to).containsExactly(2L, 3L, 4L, 5L);
    }
}
