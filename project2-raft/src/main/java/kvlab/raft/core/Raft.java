package kvlab.raft.core;

import java.util.List;
import kvlab.raft.Config;
import kvlab.raft.HardState;
import kvlab.raft.Message;
import kvlab.raft.ProposalDroppedException;
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
 *       this node has not voted for someone else in the term. A pre-vote is granted on the same
 *       conditions, except that it ignores this node's vote and is only granted for a term higher than
 *       this node's. Granting a real vote resets the election timer.</li>
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
        // TODO(2a): build the RaftLog, restore the hard state, then becomeFollower(term, NONE).
        // Checked by RaftElectionTest#startsAsFollower and RawNodeTest#restartsFromStorage.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.<init>");
    }

    /**
     * Advances time by one tick. A follower, candidate or pre-candidate campaigns when its election
     * timeout elapses (by stepping a {@link Message.Hup}); a leader sends a {@link Message.Beat} to itself
     * every {@code heartbeatTick} ticks and, with check-quorum on, checks its quorum every
     * {@code electionTick} ticks.
     */
    public void tick() {
        // TODO(2a): tickElection for followers and candidates, Leader.tick for leaders. Checked by
        // RaftElectionTest#followerCampaignsAfterElectionTimeout and RaftReplicationTest#leaderBroadcastsHeartbeats.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.tick");
    }

    /**
     * Handles one message: the term rules and vote requests first, for every role (see the class
     * comment), then the current role's handler.
     *
     * @throws ProposalDroppedException for a {@link Message.Propose} that no log accepted
     */
    public void step(Message message) {
        // TODO(2a): term rules, Hup, (pre-)vote requests; then the role's handler. Checked by
        // RaftElectionTest#termRisesOnAnyMessageWithHigherTerm and most other tests.
        // TODO(2b): ReadIndex and ReadIndexResponse for followers (forward; turn an answer into a ReadState),
        // and in Leader (hold back until this term commits; heartbeat round with the context; answer on a
        // quorum). Keep the confirmed ReadStates here for RawNode.ready. Checked by
        // RaftReadIndexTest#leaderServesAfterHeartbeatQuorum and RaftReadIndexTest#followerForwardsToTheLeader.
        // TODO(2c): InstallSnapshot for followers and candidates (rule "Snapshots"). Checked by
        // RaftSnapshotTest#followerRestoresASnapshotBeyondItsCommit and RaftSnapshotTest#followerIgnoresAStaleSnapshot.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.step");
    }

    /** Becomes a follower in {@code term} of leader {@code lead} (or {@link #NONE}); clears the vote if the term changed. */
    public void becomeFollower(long term, long lead) {
        // TODO(2a): reset(term), set the leader, the follower handler and tickElection. Checked by
        // RaftElectionTest#termRisesOnAnyMessageWithHigherTerm.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.becomeFollower");
    }

    /**
     * Becomes a candidate: term + 1, votes for itself, no leader.
     *
     * @throws IllegalStateException if this node is the leader
     */
    public void becomeCandidate() {
        // TODO(2a): Checked by RaftElectionTest#followerCampaignsAfterElectionTimeout.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.becomeCandidate");
    }

    /**
     * Becomes a pre-candidate: the term and the vote do NOT change, the leader is forgotten.
     *
     * @throws IllegalStateException if this node is the leader
     */
    public void becomePreCandidate() {
        // TODO(2a): Checked by RaftPreVoteTest#preCandidateKeepsItsTerm.
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
        // TODO(2a): reset, a new Leader as the role's handlers, then Leader.appendEntry of the empty entry.
        // Checked by RaftReplicationTest#newLeaderAppendsAnEmptyEntry.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.becomeLeader");
    }

    // ---- Interface for tests: the tests query a node only through these methods. ----

    /** This node's id. */
    public long id() {
        // TODO(2a): Checked by RaftElectionTest#startsAsFollower.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.id");
    }

    /** The current term. */
    public long term() {
        // TODO(2a): Checked by RaftElectionTest#startsAsFollower.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.term");
    }

    /** The current role. */
    public Role role() {
        // TODO(2a): Checked by RaftElectionTest#startsAsFollower.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.role");
    }

    /** Whom this node voted for in the current term, or {@link #NONE}. */
    public long vote() {
        // TODO(2a): Checked by RaftVoteTest#grantsOneVotePerTerm.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.vote");
    }

    /** The leader this node knows of in the current term, or {@link #NONE}. */
    public long lead() {
        // TODO(2a): Checked by RaftElectionTest#electionInOneRound.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.lead");
    }

    /** The log. */
    public RaftLog raftLog() {
        // TODO(2a): Checked by RaftReplicationTest#newLeaderAppendsAnEmptyEntry.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.raftLog");
    }

    /** The voters, this node included, ascending. */
    public List<Long> peers() {
        // TODO(2a): Checked by RaftElectionTest#startsAsFollower.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.peers");
    }

    /**
     * The leader's progress for {@code peer} (this node's own entry included).
     *
     * @throws IllegalStateException if this node is not the leader
     * @throws IllegalArgumentException if {@code peer} is not a voter
     */
    public Progress progress(long peer) {
        // TODO(2a): Checked by RaftReplicationTest#leaderTracksMatchAndNext.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.progress");
    }

    /** Returns the messages produced since the last call, in the order produced, and empties the outbox. */
    public List<Message> readMessages() {
        // TODO(2a): Checked by RaftElectionTest#followerCampaignsAfterElectionTimeout.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.readMessages");
    }

    /** The election timeout drawn at the last role change, in {@code [electionTick, 2 * electionTick)}. */
    public int randomizedElectionTimeout() {
        // TODO(2a): Checked by RaftElectionTest#electionTimeoutsAreRandomizedWithinRange.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.randomizedElectionTimeout");
    }

    /** The hard state to persist: term, vote, commit. */
    public HardState hardState() {
        // TODO(2a): Checked by RawNodeTest#readyCarriesHardStateOnlyWhenChanged.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.hardState");
    }

    /** The soft state: leader and role. */
    public SoftState softState() {
        // TODO(2a): Checked by RawNodeTest#readyCarriesSoftStateOnlyWhenChanged.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Raft.softState");
    }
}
