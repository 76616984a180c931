package kvlab.raft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import kvlab.raft.Config;
import kvlab.raft.HardState;
import kvlab.raft.Message;
import kvlab.raft.Message.Append;
import kvlab.raft.Message.Heartbeat;
import kvlab.raft.Message.InstallSnapshot;
import kvlab.raft.ProposalDroppedException;
import kvlab.raft.ReadState;
import kvlab.raft.Role;
import kvlab.raft.SoftState;
import kvlab.raft.Storage;

/**
 * The Raft state machine of one node (Raft figure 2; pre-vote and check-quorum from the thesis §9.6
 * and §6.2). It does no I/O, keeps no clock and starts no thread: time passes only through
 * {@link #tick()}, input arrives only through {@link #step(Message)}, and output waits in an outbox
 * ({@link #readMessages()}) and in {@link #raftLog()} until the application (see {@link RawNode})
 * persists and sends it.
 *
 * <p>Structure to follow: {@link #step(Message)} applies the rules every role shares (term rules,
 * votes, local inputs) once, then hands the message to the handler of the current role; the
 * {@code becomeX} methods are the only place the role, its handler and its tick function change.
 * Followers and candidates are handled here; the leader role lives in {@link Leader}.
 *
 * <p>Rules the tests check, beyond the paper's figure 2:
 * <ol>
 *   <li>Ids are {@code > 0}; 0 ({@link #NONE}) means "nobody" for {@link #vote()} and {@link #lead()}.</li>
 *   <li>Election timeout: each time a node becomes follower, candidate or pre-candidate, it draws its
 *       timeout uniformly from {@code [electionTick, 2 * electionTick)} using ONLY
 *       {@link Config#random()}; it campaigns on the tick at which {@code electionElapsed} reaches it.</li>
 *   <li>Messages with term 0 are local or forwarded requests: no term rules apply to them.</li>
 *   <li>A message with a higher term turns the node into a follower of that term first, except: a
 *       {@link Message.PreVote} (never changes the receiver's term), and a granted
 *       {@link Message.PreVoteResponse} (the pre-candidate counts it). A leader's messages
 *       ({@link Message.Append}, {@link Message.Heartbeat}, {@link Message.InstallSnapshot}) set
 *       {@link #lead()} to the sender.</li>
 *   <li>A message with a lower term is dropped, except that a {@link Message.PreVote} and a
 *       {@link Message.RequestVote} with a lower term get a rejecting response carrying the higher term
 *       (so that a node stuck pre-campaigning learns it), and with check-quorum or pre-vote on, a
 *       lower-term {@link Message.Append} or {@link Message.Heartbeat} gets an {@link Message.AppendResponse}
 *       with this node's term, index 0, not rejected (so that a leader partitioned away steps down).</li>
 *   <li>Voting: at most one vote per term; grant if the candidate's log is up to date (Raft §5.4.1) and
 *       this node has not voted for someone else in the term (nor follows a leader of the term). A
 *       pre-vote is granted on the same conditions, except that it ignores this node's vote and is only
 *       granted for a term higher than this node's. Granting a real vote resets the election timer.</li>
 *   <li>A candidate counts its own vote; a single-node cluster becomes leader as soon as it campaigns.
 *       With pre-vote on, a campaign first runs as pre-candidate for {@code term + 1} without changing
 *       the term; a quorum of grants starts the real election.</li>
 *   <li>A new leader appends an empty entry in its term (Raft §8) and sends appends to every peer.</li>
 *   <li>Proposals: a leader appends; a follower forwards to its leader; a node without leader (or a
 *       candidate) throws {@link ProposalDroppedException}.</li>
 *   <li>Commit: the leader commits the highest index replicated on a quorum only if that entry is from
 *       its current term (Raft §5.4.2), then tells followers in the next appends and heartbeats.
 *       Heartbeats carry {@code min(match of the peer, committed)}.</li>
 *   <li>A rejected append is answered with a hint ({@link RaftLog#findConflictByTerm}) so that the
 *       leader skips a conflicting term per round trip. An append whose {@code index} is below this
 *       node's commit index is accepted with {@code index = committed} (everything up to it matches).</li>
 *   <li>Check-quorum: every {@code electionTick} ticks a leader checks that a quorum (itself included)
 *       was active since the last check, else it steps down to follower. A follower that heard from a
 *       leader within the election timeout (with check-quorum on) ignores (pre-)vote requests.</li>
 *   <li>Peers are always iterated in ascending id order, so that runs are deterministic.</li>
 *   <li>Read index (thesis §6.4, Project 2B): a {@link Message.ReadIndex} given to a follower is forwarded
 *       to its leader with term 0 (dropped if it knows none, and by candidates). The leader serves it only
 *       once it has committed an entry of its own term (until then it holds the request back), at its
 *       commit index of that moment, and only after a quorum (itself included) answered a heartbeat
 *       round carrying the request's {@code context}; a confirmed request also confirms every request
 *       queued before it. A single-node leader serves at once. The leader answers its own requests with
 *       a {@link ReadState} in the next Ready, and a follower's with a {@link Message.ReadIndexResponse},
 *       which the follower turns into a {@link ReadState}. Requests pending when leadership ends are
 *       dropped: the application must time out. Contexts are nonzero (0 marks a plain heartbeat) and unique among pending requests.</li>
 *   <li>Snapshots (Raft §7, Project 2C): when a follower's next index is below the leader's first index
 *       (its entries were compacted), the leader sends {@link Message.InstallSnapshot} with
 *       {@link RaftLog#snapshot()}, moves that follower to {@link Progress.State#SNAPSHOT} and sends it no
 *       appends until it acknowledges an index at or past the snapshot (then {@link Progress.State#REPLICATE});
 *       a {@link kvlab.raft.SnapshotUnavailableException} means "try again later". A heartbeat answer from a
 *       follower still in SNAPSHOT means the snapshot may be lost: back to {@link Progress.State#PROBE}. A
 *       follower restores ({@link RaftLog#restore}) a snapshot beyond its commit index whose last entry it
 *       does not hold, only commits up to it if it holds that entry, ignores an older one, and always answers
 *       with an {@link Message.AppendResponse} acknowledging its commit index. The restored snapshot comes out
 *       in the next Ready, without committed entries; {@code advance} marks it persisted and applied.</li>
 * </ol>
 *
 * <p>Not thread-safe: the application calls it from one thread (or one simulated node).
 */
public final class Raft {
    /** "Nobody": no vote, no known leader. */
    public static final long NONE = 0;

    private enum VoteResult { PENDING, WON, LOST }

    // The state the provided methods below read. Add what else you need; rename freely (the tests
    // never read fields), but then adapt the provided methods.
    private final long id;
    private final Config config;
    /** All voters, this node included, ascending. */
    private final List<Long> peers;
    private final RaftLog raftLog;

    private long term;
    private long vote;
    private long lead;
    private Role role;
    /** Set by becomeX only: the current role's message handler and tick function. */
    private Consumer<Message> stepRole;
    private Runnable tickRole;

    /** The leader's state and handlers while this node leads, else null. */
    private Leader leader;
    /** Candidate and pre-candidate only: the answers received, true for granted. */
    private final TreeMap<Long, Boolean> votes = new TreeMap<>();
    private final List<Message> outbox = new ArrayList<>();
    /** Confirmed read requests not yet taken by the application, in confirmation order. */
    private final List<ReadState> readStates = new ArrayList<>();

    /** Ticks since the last reset (followers and candidates; a leader counts in {@link Leader}). */
    private int electionElapsed;
    private int randomizedElectionTimeout;

    /**
     * A node built from {@code config} and the state in {@code storage}: term, vote and commit from
     * the storage's hard state, voters from {@code config.peers()} or else from the storage's
     * {@link kvlab.raft.ConfState}, applied from {@code config.applied()}. It starts as a follower of
     * its persisted term with no known leader.
     *
     * @throws IllegalArgumentException if neither the config nor the storage names the voters, or if
     *     the hard state's commit is outside the stored log
     */
    public Raft(Config config, Storage storage) {
        // TODO(2a): fill the fields above from the config and the storage's initial state (the log
        // over the storage, then term, vote and commit; applied only if the config names one), check
        // both @throws cases, then become a follower of the persisted term. Checked by
        // RaftElectionTest#startsAsFollower and RawNodeTest#restartsFromStorage.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.<init>");
    }

    /**
     * Advances time by one tick. A follower, candidate or pre-candidate campaigns when its election
     * timeout elapses (by stepping a {@link Message.Hup}); a leader sends a {@link Message.Beat} to itself
     * every {@code heartbeatTick} ticks and, with check-quorum on, checks its quorum every
     * {@code electionTick} ticks.
     */
    public void tick() {
        tickRole.run(); // provided: becomeX installs tickElection or Leader#tickHeartbeat
    }

    /** The tick function of followers, candidates and pre-candidates (rule 2). */
    private void tickElection() {
        // TODO(2a): campaign (step a Hup) on the tick at which electionElapsed reaches the randomized
        // timeout. Checked by RaftElectionTest#campaignsExactlyWhenTheRandomizedTimeoutElapses and
        // RaftElectionTest#candidateStartsANewElectionAfterTimeout.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.tickElection");
    }

    /**
     * Handles one message: the term rules and vote requests first, for every role (see the class
     * comment), then the current role's handler.
     *
     * @throws ProposalDroppedException for a {@link Message.Propose} that no log accepted
     */
    public void step(Message message) {
        // TODO(2a): the rules every role shares, once: a higher term goes through stepHigherTerm (which
        // may drop the message), a lower one through stepLowerTerm and no further (term 0 is neither:
        // rule 3). Then a Hup campaigns (a leader ignores it; with pre-vote on, as pre-candidate),
        // RequestVote and PreVote go to handleVote, and every other message to stepRole. Checked by
        // RaftElectionTest#termRisesOnAnyMessageWithHigherTerm and RaftElectionTest#oldMessagesAreIgnored.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.step");
    }

    /** Raft §5.1 for a message from a later term (rules 4 and 12); returns whether it is processed further. */
    private boolean stepHigherTerm(Message m) {
        // TODO(2a): mind the order. A (pre-)vote request reaching a node in its leader's lease is
        // ignored (rule 12). A PreVote, or a granted PreVoteResponse, leaves the term alone. Anything
        // else makes this node a follower of the message's term, whose leader is the sender only if
        // the message is a leader's (Append, Heartbeat, InstallSnapshot). Checked by
        // RaftElectionTest#termRisesOnAnyMessageWithHigherTerm, RaftCheckQuorumTest#followerInLeaseIgnoresVoteRequests
        // and RaftPreVoteTest#grantingAPreVoteChangesNothing.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.stepHigherTerm");
    }

    /** Drops a message from an earlier term, answering the kinds rule 5 lists so the sender learns our term. */
    private void stepLowerTerm(Message m) {
        // TODO(2a): send nothing for other kinds. Checked by
        // RaftVoteTest#staleVoteRequestIsRejectedWithTheHigherTerm and
        // RaftCheckQuorumTest#staleLeaderLearnsTheNewTermFromItsFollowers.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.stepLowerTerm");
    }

    /**
     * Starts a pre-vote round ({@code preVote}) or an election (rule 7): becomes pre-candidate or
     * candidate, counts its own vote, and asks every other voter, in id order, for the term it runs in,
     * with its last log index and term.
     */
    private void campaign(boolean preVote) {
        // TODO(2a): count the own vote through handleVoteResponse BEFORE sending anything: a single-node
        // cluster wins right there and must not ask anyone. A pre-candidate runs for term + 1 without
        // changing its term. Checked by RaftElectionTest#followerCampaignsAfterElectionTimeout,
        // RaftElectionTest#singleNodeBecomesLeaderAndCommitsAlone and RaftPreVoteTest#preCandidateKeepsItsTerm.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.campaign");
    }

    /** Records {@code from}'s answer (its first one counts) and tells whether the votes decide the election. */
    private VoteResult poll(long from, boolean granted) {
        // TODO(2a): keep the answers per voter in votes, so that a duplicated or reordered answer never
        // counts twice and a voter cannot change its mind. WON once the grants reach quorum(), LOST once
        // the rejections do (a candidate that cannot win stops waiting), else PENDING. Checked by
        // RaftElectionTest#votesAreCountedOncePerVoter and RaftElectionTest#candidateConcedesWhenAQuorumRejects.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.poll");
    }

    /** Counts one (pre-)vote answer; a quorum of grants wins (a pre-vote win starts the real election). */
    private void handleVoteResponse(long from, boolean granted, boolean preVote) {
        // TODO(2a): on WON, a pre-candidate campaigns for real (no second pre-vote), a candidate becomes
        // leader and broadcasts appends (rule 8); on LOST, back to follower of the same term, no leader.
        // Checked by RaftElectionTest#electionInOneRound, RaftPreVoteTest#aQuorumOfPreVotesStartsTheRealElection
        // and RaftElectionTest#candidateConcedesWhenAQuorumRejects.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.handleVoteResponse");
    }

    /**
     * Raft §5.2 and §5.4.1 (rule 6): answers {@code from}'s request for a vote ({@code preVote}: a
     * pre-vote) in {@code voteTerm}, for a log ending at ({@code lastIndex}, {@code lastTerm}). A node
     * that already follows a leader in its term does not vote for anyone else in it. A granted pre-vote
     * is answered with {@code voteTerm} and changes nothing here; a granted vote is recorded and resets
     * the election timer.
     */
    private void handleVote(long from, long lastIndex, long lastTerm, boolean preVote, long voteTerm) {
        // TODO(2a): decide first whether this node is still free to vote for from in this term (for a
        // pre-vote, a later voteTerm frees it too), then grant only to an up-to-date log
        // (RaftLog#isUpToDate). Checked by RaftVoteTest#grantsOneVotePerTerm,
        // RaftVoteTest#followerWithAKnownLeaderDoesNotVoteInItsTerm, RaftVoteTest#grantingAVoteResetsTheElectionTimer
        // and RaftPreVoteTest#grantingAPreVoteChangesNothing.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.handleVote");
    }

    /** The follower's handler: proposals, the leader's messages, reads. */
    private void stepFollower(Message m) {
        // TODO(2a): a Propose goes to the leader with term 0 (rule 9; without a leader,
        // ProposalDroppedException); an Append, Heartbeat or InstallSnapshot means the leader is alive
        // (reset the election count, note the sender as leader) and goes to handleAppend,
        // handleHeartbeat or handleSnapshot; a TimeoutNow (leadership transfer, Project 3) starts an
        // election without pre-vote; anything else is ignored. Checked by
        // RaftReplicationTest#proposalsAreDroppedWithoutALeader and RaftReplicationTest#followerChecksLogConsistency.
        // TODO(2b): a ReadIndex goes to the leader with term 0 (dropped without one); a ReadIndexResponse
        // becomes a ReadState for RawNode. Checked by RaftReadIndexTest#followerForwardsToTheLeader.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.stepFollower");
    }

    /** The handler of candidates and pre-candidates: vote answers, and the leader of their term. */
    private void stepCandidate(Message m) {
        // TODO(2a): a proposal is dropped (ProposalDroppedException); an Append, Heartbeat or
        // InstallSnapshot of this term means the term has a leader: become its follower, then handle the
        // message as a follower would; a pre-candidate counts PreVoteResponses, a candidate
        // RequestVoteResponses (handleVoteResponse). Checked by
        // RaftElectionTest#candidateFallsBackOnAppendFromLeaderOfItsTerm and RaftElectionTest#duelingCandidates.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.stepCandidate");
    }

    /**
     * Raft §5.3, the follower's consistency check (rule 11): appends what follows a matching entry and
     * acknowledges the last index the append covers, or rejects it with the fast-backtracking hint
     * (the fields {@link Message.AppendResponse#rejectHint()} and {@link Message.AppendResponse#logTerm()}).
     */
    private void handleAppend(Append a) {
        // TODO(2a): an append below the commit index is answered at the commit index (rule 11);
        // otherwise RaftLog#maybeAppend decides, and a rejection carries RaftLog#findConflictByTerm's
        // index and the term there. Checked by RaftReplicationTest#followerChecksLogConsistency,
        // RaftReplicationTest#followerAppendsAndTruncatesConflicts and
        // RaftReplicationTest#fastBacktrackingSkipsAFollowersStaleTerm.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.handleAppend");
    }

    /** Adopts the leader's commit index (it never exceeds what this node holds) and answers, echoing the context. */
    private void handleHeartbeat(Heartbeat h) {
        // TODO(2a): commit up to the heartbeat's commit index, then answer the leader. Checked by
        // RaftReplicationTest#followerCommitsWhatTheLeaderCommitted.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.handleHeartbeat");
    }

    /** Raft §7 (rule "Snapshots"): installs, or only commits up to, a snapshot from the leader, and answers. */
    private void handleSnapshot(InstallSnapshot s) {
        // TODO(2c): three cases: stale, already held, or restore (RaftLog#restore); always answer with the
        // commit index. Checked by RaftSnapshotTest#followerRestoresASnapshotBeyondItsCommit,
        // RaftSnapshotTest#followerHoldingTheSnapshotsLastEntryOnlyCommits and
        // RaftSnapshotTest#followerIgnoresAStaleSnapshot.
        throw new UnsupportedOperationException("not implemented: TODO(2c) Raft.handleSnapshot");
    }

    // ---- provided: plumbing for Leader and RawNode (package-private) ----

    /** Puts {@code m} in the outbox. */
    void send(Message m) {
        outbox.add(m);
    }

    /** Hands a confirmed read of this node's own to the application (see {@link #takeReadStates()}). */
    void addReadState(ReadState readState) {
        readStates.add(readState);
    }

    /** Whether confirmed reads wait to be taken. */
    boolean hasReadStates() {
        return !readStates.isEmpty();
    }

    /** Returns the confirmed reads since the last call, in confirmation order, and forgets them. */
    List<ReadState> takeReadStates() {
        List<ReadState> out = List.copyOf(readStates);
        readStates.clear();
        return out;
    }

    /** The configuration this node was built with. */
    Config config() {
        return config;
    }

    /** The number of voters that makes a majority. */
    int quorum() {
        return peers.size() / 2 + 1;
    }

    // ---- end of provided ----

    /**
     * What every role change shares: a new term clears the vote; the leader is forgotten; the election
     * count restarts with a new randomized timeout (rule 2); the votes and the leader state are dropped.
     */
    private void reset(long newTerm) {
        // TODO(2a): draw the timeout with config.random() only. Checked by
        // RaftElectionTest#electionTimeoutsAreRandomizedWithinRange and
        // RaftElectionTest#timeoutsComeOnlyFromTheConfiguredRandomSource.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.reset");
    }

    /** Becomes a follower in {@code term} of leader {@code lead} (or {@link #NONE}); clears the vote if the term changed. */
    public void becomeFollower(long term, long lead) {
        // TODO(2a): reset, then the role, its handler (stepRole) and tick function (tickRole). Checked by
        // RaftElectionTest#termRisesOnAnyMessageWithHigherTerm.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.becomeFollower");
    }

    /**
     * Becomes a candidate: term + 1, votes for itself, no leader.
     *
     * @throws IllegalStateException if this node is the leader
     */
    public void becomeCandidate() {
        // TODO(2a): like becomeFollower, plus the new term and the own vote. Checked by
        // RaftElectionTest#followerCampaignsAfterElectionTimeout.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.becomeCandidate");
    }

    /**
     * Becomes a pre-candidate: the term and the vote do NOT change, the leader is forgotten.
     *
     * @throws IllegalStateException if this node is the leader
     */
    public void becomePreCandidate() {
        // TODO(2a): like becomeCandidate, but keep term and vote. Checked by
        // RaftPreVoteTest#preCandidateKeepsItsTerm.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.becomePreCandidate");
    }

    /**
     * Becomes the leader of the current term: every peer's progress restarts at {@code next =
     * lastIndex() + 1} (match 0, this node's own match = its last index) and an empty entry of the new
     * term is appended (Raft §8). Sending appends is up to the caller (the vote handler broadcasts).
     *
     * @throws IllegalStateException if this node is a follower
     */
    public void becomeLeader() {
        // TODO(2a): reset, lead itself, a new Leader whose step and tickHeartbeat become the role's
        // handlers, then Leader#appendEntry of the empty entry. Checked by
        // RaftReplicationTest#newLeaderAppendsAnEmptyEntry and RaftReplicationTest#leaderTracksMatchAndNext.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.becomeLeader");
    }

    // ---- provided: the interface for tests; the tests query a node only through these methods ----

    /** This node's id. */
    public long id() {
        return id;
    }

    /** The current term. */
    public long term() {
        return term;
    }

    /** The current role. */
    public Role role() {
        return role;
    }

    /** Whom this node voted for in the current term, or {@link #NONE}. */
    public long vote() {
        return vote;
    }

    /** The leader this node knows of in the current term, or {@link #NONE}. */
    public long lead() {
        return lead;
    }

    /** The log. */
    public RaftLog raftLog() {
        return raftLog;
    }

    /** The voters, this node included, ascending. */
    public List<Long> peers() {
        return peers;
    }

    /**
     * The leader's progress for {@code peer} (this node's own entry included).
     *
     * @throws IllegalStateException if this node is not the leader
     * @throws IllegalArgumentException if {@code peer} is not a voter
     */
    public Progress progress(long peer) {
        if (leader == null) {
            throw new IllegalStateException("node " + id + " is " + role + ", not leader: it tracks no progress");
        }
        return leader.progress(peer);
    }

    /** Returns the messages produced since the last call, in the order produced, and empties the outbox. */
    public List<Message> readMessages() {
        List<Message> out = List.copyOf(outbox);
        outbox.clear();
        return out;
    }

    /** The election timeout drawn at the last role change, in {@code [electionTick, 2 * electionTick)}. */
    public int randomizedElectionTimeout() {
        return randomizedElectionTimeout;
    }

    /** The hard state to persist: term, vote, commit. */
    public HardState hardState() {
        return new HardState(term, vote, raftLog.committed());
    }

    /** The soft state: leader and role. */
    public SoftState softState() {
        return new SoftState(lead, role);
    }

    // ---- end of provided ----
}
