package kvlab.raft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import kvlab.raft.Config;
import kvlab.raft.Entry;
import kvlab.raft.HardState;
import kvlab.raft.InitialState;
import kvlab.raft.Message;
import kvlab.raft.Message.Append;
import kvlab.raft.Message.AppendResponse;
import kvlab.raft.Message.Heartbeat;
import kvlab.raft.Message.HeartbeatResponse;
import kvlab.raft.Message.Hup;
import kvlab.raft.Message.InstallSnapshot;
import kvlab.raft.Message.PreVote;
import kvlab.raft.Message.PreVoteResponse;
import kvlab.raft.Message.Propose;
import kvlab.raft.Message.ReadIndex;
import kvlab.raft.Message.ReadIndexResponse;
import kvlab.raft.Message.RequestVote;
import kvlab.raft.Message.RequestVoteResponse;
import kvlab.raft.Message.TimeoutNow;
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
        this.id = config.id();
        this.config = config;
        InitialState initial = storage.initialState();
        this.peers = config.peers().isEmpty() ? initial.confState().voters() : config.peers();
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("node " + id + ": neither the config nor the storage names the voters");
        }
        this.raftLog = new RaftLog(storage);
        HardState hard = initial.hardState();
        if (hard.commit() < raftLog.committed() || hard.commit() > raftLog.lastIndex()) {
            throw new IllegalArgumentException("node " + id + ": persisted commit " + hard.commit()
                    + " is outside the stored log [" + raftLog.committed() + ", " + raftLog.lastIndex() + "]");
        }
        raftLog.commitTo(hard.commit());
        this.term = hard.term();
        this.vote = hard.vote();
        if (config.applied() > 0) {
            raftLog.appliedTo(config.applied());
        }
        becomeFollower(term, NONE);
    }

    /**
     * Advances time by one tick. A follower, candidate or pre-candidate campaigns when its election
     * timeout elapses (by stepping a {@link Message.Hup}); a leader sends a {@link Message.Beat} to itself
     * every {@code heartbeatTick} ticks and, with check-quorum on, checks its quorum every
     * {@code electionTick} ticks.
     */
    public void tick() {
        tickRole.run();
    }

    /** The tick function of followers, candidates and pre-candidates (rule 2). */
    private void tickElection() {
        electionElapsed++;
        if (electionElapsed >= randomizedElectionTimeout) {
            electionElapsed = 0;
            step(new Hup(id, id, 0));
        }
    }

    /**
     * Handles one message: the term rules and vote requests first, for every role (see the class
     * comment), then the current role's handler.
     *
     * @throws ProposalDroppedException for a {@link Message.Propose} that no log accepted
     */
    public void step(Message message) {
        if (message.term() > term && !stepHigherTerm(message)) {
            return;
        }
        if (message.term() != 0 && message.term() < term) {
            stepLowerTerm(message);
            return;
        }
        if (message instanceof Hup) {
            if (role != Role.LEADER) {
                campaign(config.preVote());
            }
        } else if (message instanceof RequestVote v) {
            handleVote(v.from(), v.lastLogIndex(), v.lastLogTerm(), false, v.term());
        } else if (message instanceof PreVote v) {
            handleVote(v.from(), v.lastLogIndex(), v.lastLogTerm(), true, v.term());
        } else {
            stepRole.accept(message);
        }
    }

    /** Raft §5.1 for a message from a later term (rules 4 and 12); returns whether it is processed further. */
    private boolean stepHigherTerm(Message m) {
        boolean voteRequest = m instanceof RequestVote || m instanceof PreVote;
        boolean inLease = config.checkQuorum() && lead != NONE && electionElapsed < config.electionTick();
        if (voteRequest && inLease) {
            // Thesis §4.2.3: a node that hears from a live leader ignores disruptive candidates.
            return false;
        }
        if (m instanceof PreVote || (m instanceof PreVoteResponse r && !r.reject())) {
            // A pre-vote never changes a term; a granted one is counted by the pre-candidate.
            return true;
        }
        boolean fromLeader = m instanceof Append || m instanceof Heartbeat || m instanceof InstallSnapshot;
        becomeFollower(m.term(), fromLeader ? m.from() : NONE);
        return true;
    }

    /** Drops a message from an earlier term, answering the kinds rule 5 lists so the sender learns our term. */
    private void stepLowerTerm(Message m) {
        if ((config.checkQuorum() || config.preVote()) && (m instanceof Append || m instanceof Heartbeat)) {
            // A leader cut off (maybe unable to win an election for lack of pre-votes) learns it was replaced.
            send(new AppendResponse(id, m.from(), term, 0, false, 0, 0));
        } else if (m instanceof PreVote) {
            send(new PreVoteResponse(id, m.from(), term, true));
        } else if (m instanceof RequestVote) {
            send(new RequestVoteResponse(id, m.from(), term, true));
        }
    }

    /**
     * Starts a pre-vote round ({@code preVote}) or an election (rule 7): becomes pre-candidate or
     * candidate, counts its own vote, and asks every other voter, in id order, for the term it runs in,
     * with its last log index and term.
     */
    private void campaign(boolean preVote) {
        if (preVote) {
            becomePreCandidate();
        } else {
            becomeCandidate();
        }
        Role campaigning = role;
        handleVoteResponse(id, true, preVote);
        if (role != campaigning) {
            return; // a single-node cluster won on its own vote
        }
        long voteTerm = preVote ? term + 1 : term;
        long lastIndex = raftLog.lastIndex();
        long lastTerm = raftLog.lastTerm();
        for (long peer : peers) {
            if (peer != id) {
                send(preVote ? new PreVote(id, peer, voteTerm, lastIndex, lastTerm)
                        : new RequestVote(id, peer, voteTerm, lastIndex, lastTerm));
            }
        }
    }

    /** Records {@code from}'s answer (its first one counts) and tells whether the votes decide the election. */
    private VoteResult poll(long from, boolean granted) {
        votes.putIfAbsent(from, granted);
        long yes = votes.values().stream().filter(g -> g).count();
        long no = votes.size() - yes;
        if (yes >= quorum()) {
            return VoteResult.WON;
        }
        return no >= quorum() ? VoteResult.LOST : VoteResult.PENDING;
    }

    /**
     * Raft §5.2 and §5.4.1 (rule 6): answers {@code from}'s request for a vote ({@code preVote}: a
     * pre-vote) in {@code voteTerm}, for a log ending at ({@code lastIndex}, {@code lastTerm}). A node
     * that already follows a leader in its term does not vote for anyone else in it. A granted pre-vote
     * is answered with {@code voteTerm} and changes nothing here; a granted vote is recorded and resets
     * the election timer.
     */
    private void handleVote(long from, long lastIndex, long lastTerm, boolean preVote, long voteTerm) {
        boolean free = vote == from || (vote == NONE && lead == NONE) || (preVote && voteTerm > term);
        boolean grant = free && raftLog.isUpToDate(lastIndex, lastTerm);
        if (preVote) {
            send(new PreVoteResponse(id, from, grant ? voteTerm : term, !grant));
            return;
        }
        if (grant) {
            electionElapsed = 0;
            vote = from;
        }
        send(new RequestVoteResponse(id, from, term, !grant));
    }

    /** The follower's handler: proposals, the leader's messages, reads. */
    private void stepFollower(Message m) {
        if (m instanceof Propose p) {
            if (lead == NONE) {
                throw new ProposalDroppedException("node " + id + " knows no leader in term " + term);
            }
            send(new Propose(id, lead, 0, p.type(), p.data()));
        } else if (m instanceof Append a) {
            heardFromLeader(a.from());
            handleAppend(a);
        } else if (m instanceof Heartbeat h) {
            heardFromLeader(h.from());
            handleHeartbeat(h);
        } else if (m instanceof InstallSnapshot s) {
            heardFromLeader(s.from());
            handleSnapshot(s);
        } else if (m instanceof TimeoutNow) {
            // Thesis §3.10: the leader asked this node to take over; no pre-vote, the leader agreed.
            campaign(false);
        } else if (m instanceof ReadIndex r && lead != NONE) {
            send(new ReadIndex(id, lead, 0, r.context()));
        } else if (m instanceof ReadIndexResponse r) {
            readStates.add(new ReadState(r.index(), r.context()));
        }
        // Other kinds (stale responses, transfer requests before Project 3) are ignored.
    }

    private void heardFromLeader(long leader) {
        electionElapsed = 0;
        lead = leader;
    }

    /** The handler of candidates and pre-candidates: vote answers, and the leader of their term. */
    private void stepCandidate(Message m) {
        if (m instanceof Propose) {
            throw new ProposalDroppedException("node " + id + " is campaigning in term " + term + "; no leader");
        } else if (m instanceof Append a) {
            becomeFollower(term, a.from());
            handleAppend(a);
        } else if (m instanceof Heartbeat h) {
            becomeFollower(term, h.from());
            handleHeartbeat(h);
        } else if (m instanceof InstallSnapshot s) {
            becomeFollower(term, s.from());
            handleSnapshot(s);
        } else if (role == Role.PRE_CANDIDATE && m instanceof PreVoteResponse r) {
            handleVoteResponse(r.from(), !r.reject(), true);
        } else if (role == Role.CANDIDATE && m instanceof RequestVoteResponse r) {
            handleVoteResponse(r.from(), !r.reject(), false);
        }
    }

    /** Counts one (pre-)vote answer; a quorum of grants wins (a pre-vote win starts the real election). */
    private void handleVoteResponse(long from, boolean granted, boolean preVote) {
        VoteResult result = poll(from, granted);
        if (result == VoteResult.WON && preVote) {
            campaign(false);
        } else if (result == VoteResult.WON) {
            becomeLeader();
            leader.bcastAppend();
        } else if (result == VoteResult.LOST) {
            becomeFollower(term, NONE);
        }
    }

    /**
     * Raft §5.3, the follower's consistency check (rule 11): appends what follows a matching entry and
     * acknowledges the last index the append covers, or rejects it with the fast-backtracking hint
     * (the fields {@link Message.AppendResponse#rejectHint()} and {@link Message.AppendResponse#logTerm()}).
     */
    private void handleAppend(Append a) {
        if (a.index() < raftLog.committed()) {
            // Everything up to our commit index matches the leader's log already (Log Matching).
            send(new AppendResponse(id, a.from(), term, raftLog.committed(), false, 0, 0));
            return;
        }
        OptionalLong last = raftLog.maybeAppend(a.index(), a.logTerm(), a.commit(), a.entries());
        if (last.isPresent()) {
            send(new AppendResponse(id, a.from(), term, last.getAsLong(), false, 0, 0));
            return;
        }
        long hint = raftLog.findConflictByTerm(a.index(), a.logTerm());
        send(new AppendResponse(id, a.from(), term, a.index(), true, hint, raftLog.term(hint)));
    }

    /** Adopts the leader's commit index (it never exceeds what this node holds) and answers, echoing the context. */
    private void handleHeartbeat(Heartbeat h) {
        raftLog.commitTo(h.commit());
        send(new HeartbeatResponse(id, h.from(), term, h.context()));
    }

    /** Raft §7 (rule "Snapshots"): installs, or only commits up to, a snapshot from the leader, and answers. */
    private void handleSnapshot(InstallSnapshot s) {
        long index = s.snapshot().metadata().index();
        if (index > raftLog.committed()) {
            if (raftLog.matchTerm(index, s.snapshot().metadata().term())) {
                raftLog.commitTo(index);
            } else {
                raftLog.restore(s.snapshot());
            }
        }
        send(new AppendResponse(id, s.from(), term, raftLog.committed(), false, 0, 0));
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
        if (term != newTerm) {
            term = newTerm;
            vote = NONE;
        }
        lead = NONE;
        electionElapsed = 0;
        randomizedElectionTimeout = config.electionTick() + config.random().nextInt(config.electionTick());
        votes.clear();
        leader = null;
    }

    /** Becomes a follower in {@code term} of leader {@code lead} (or {@link #NONE}); clears the vote if the term changed. */
    public void becomeFollower(long term, long lead) {
        reset(term);
        this.lead = lead;
        role = Role.FOLLOWER;
        stepRole = this::stepFollower;
        tickRole = this::tickElection;
    }

    /**
     * Becomes a candidate: term + 1, votes for itself, no leader.
     *
     * @throws IllegalStateException if this node is the leader
     */
    public void becomeCandidate() {
        requireNot(Role.LEADER, "candidate");
        reset(term + 1);
        vote = id;
        role = Role.CANDIDATE;
        stepRole = this::stepCandidate;
        tickRole = this::tickElection;
    }

    /**
     * Becomes a pre-candidate: the term and the vote do NOT change, the leader is forgotten.
     *
     * @throws IllegalStateException if this node is the leader
     */
    public void becomePreCandidate() {
        requireNot(Role.LEADER, "pre-candidate");
        reset(term);
        role = Role.PRE_CANDIDATE;
        stepRole = this::stepCandidate;
        tickRole = this::tickElection;
    }

    /**
     * Becomes the leader of the current term: every peer's progress restarts at {@code next =
     * lastIndex() + 1} (match 0, this node's own match = its last index) and an empty entry of the new
     * term is appended (Raft §8). Sending appends is up to the caller (the vote handler broadcasts).
     *
     * @throws IllegalStateException if this node is a follower
     */
    public void becomeLeader() {
        requireNot(Role.FOLLOWER, "leader");
        reset(term);
        lead = id;
        role = Role.LEADER;
        leader = new Leader(this);
        stepRole = leader::step;
        tickRole = leader::tickHeartbeat;
        // Raft §8: an entry of its own term lets the leader commit everything before it.
        leader.appendEntry(Entry.empty(raftLog.lastIndex() + 1, term));
    }

    private void requireNot(Role forbidden, String target) {
        if (role == forbidden) {
            throw new IllegalStateException("node " + id + ": invalid transition " + role + " -> " + target);
        }
    }

    // ---- Interface for tests: the tests query a node only through these methods. ----

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
