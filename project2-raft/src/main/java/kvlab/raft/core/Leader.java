package kvlab.raft.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import kvlab.raft.Entry;
import kvlab.raft.Message;
import kvlab.raft.Message.AppendResponse;
import kvlab.raft.Message.HeartbeatResponse;
import kvlab.raft.Message.ReadIndex;

/**
 * The leader role of a {@link Raft} node: progress per follower, replication (Raft §5.3), commitment
 * (§5.4.2), heartbeats and check-quorum (thesis §6.2). {@link Raft#becomeLeader()} creates one per
 * term of leadership and installs {@link #step} and {@link #tickHeartbeat} as the role's handlers; the central
 * term rules in {@link Raft#step} run before {@link #step} sees a message. {@link Raft} lends this
 * class what it needs through package-private methods ({@code send}, {@code config}, {@code quorum},
 * {@code addReadState}); add more if you need them.
 *
 * <p>The rules the tests check are listed on {@link Raft}; those that live here: commit by counting
 * only entries of the current term; heartbeats carry {@code min(match, committed)}; a rejected append
 * moves next back using the follower's hint (skip a whole term per round trip); in
 * {@link Progress.State#REPLICATE} keep streaming while the inflight window allows; entries per append
 * limited by {@code maxSizePerMsg} (at least one); peers in ascending id order.
 */
final class Leader {
    // The state the provided progress(peer) reads; add what else you need, rename freely.
    private final Raft raft;
    /** Progress per voter, this node included, sorted by id so that broadcasts are deterministic. */
    private final TreeMap<Long, Progress> progress = new TreeMap<>();
    private int heartbeatElapsed;
    /** Ticks since the last quorum check. */
    private int electionElapsed;
    /** Read requests held back until an entry of this term commits (thesis §6.4 step 1; Project 2B). */
    private final List<ReadIndex> deferredReads = new ArrayList<>();
    /** Read requests waiting for a heartbeat quorum, by context, in arrival order (etcd's read_only.go). */
    private final LinkedHashMap<Long, PendingRead> pendingReads = new LinkedHashMap<>();

    /** A read request, the commit index it reads at, and the voters that confirmed leadership for it. */
    private record PendingRead(ReadIndex request, long index, TreeSet<Long> acks) {}

    /** Leadership of {@code raft}'s current term: every follower's next index starts after the log. */
    Leader(Raft raft) {
        // TODO(2a): one Progress per voter; this node's own progress already matches its whole log.
        // Checked by RaftReplicationTest#leaderTracksMatchAndNext.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.<init>");
    }

    /** The progress of voter {@code peer}; {@link IllegalArgumentException} for a non-voter. */
    Progress progress(long peer) {
        Progress pr = progress.get(peer); // provided
        if (pr == null) {
            throw new IllegalArgumentException(peer + " is not a voter; voters are " + raft.peers());
        }
        return pr;
    }

    /** A heartbeat every heartbeatTick ticks; with check-quorum, a quorum check every electionTick ticks. */
    void tickHeartbeat() {
        // TODO(2a): a heartbeat is a Beat stepped into this node's own Raft (so it goes through step); a
        // failed quorum check (quorumActive) makes this node a follower of its term, and then nothing
        // else happens on this tick. Checked by RaftReplicationTest#leaderBroadcastsHeartbeats,
        // RaftCheckQuorumTest#leaderStepsDownWithoutQuorum and RaftCheckQuorumTest#leaderWithItsQuorumStays.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.tickHeartbeat");
    }

    /** Whether a quorum (this node included) was heard from since the last check; starts a new period. */
    private boolean quorumActive() {
        // TODO(2a): Progress#recentActive says who was heard from; a new period forgets it for everyone
        // but this node. Checked by RaftCheckQuorumTest#leaderWithItsQuorumStays.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.quorumActive");
    }

    /** The leader's message handler: Beat, Propose, AppendResponse, HeartbeatResponse, ReadIndex. */
    void step(Message m) {
        // TODO(2a): a Beat broadcasts heartbeats (context 0); a Propose becomes a new entry of this term
        // (appendEntry), then bcastAppend; the two responses go to their handlers below; anything else is
        // ignored. Checked by RaftReplicationTest#leaderReplicatesAProposal and
        // RaftReplicationTest#leaderBroadcastsHeartbeats.
        // TODO(2b): a ReadIndex goes to handleReadIndex. Checked by RaftReadIndexTest#leaderServesAfterHeartbeatQuorum.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.step");
    }

    /** The follower is alive: it may be sent to again, and a follower that lags behind is probed. */
    private void handleHeartbeatResponse(HeartbeatResponse r) {
        // TODO(2a): mark it active, Progress#onHeartbeatResponse, and if its match is behind the last
        // index send it an append even if empty: the answer tells where its log ends. Checked by
        // RaftReplicationTest#heartbeatResponseResumesReplicationToALaggingFollower and
        // RaftReplicationTest#followerThatLostAFullWindowOfAppendsCatchesUp.
        // TODO(2c): a follower still in SNAPSHOT may have lost the snapshot: probe it again first. Checked by
        // RaftSnapshotTest#heartbeatAnswerWithoutAcknowledgementProbesAgain.
        // TODO(2b): the answer confirms the read its context names (confirmRead). Checked by
        // RaftReadIndexTest#leaderWaitsForAQuorumAndConfirmsEarlierReadsWithLaterOnes.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.handleHeartbeatResponse");
    }

    /** Raft §5.3: a rejection moves next back (a term per round trip); an acknowledgement may commit. */
    private void handleAppendResponse(AppendResponse r) {
        // TODO(2a): the heart of replication. Any answer marks the follower active. Then:
        //  - Rejected: the follower's hint (rejectHint, and the term there in logTerm) says where its log
        //    may match. With a term (logTerm > 0), look up the same term in THIS log too
        //    (RaftLog#findConflictByTerm), so that one round trip skips both the follower's conflicting
        //    term and the leader's own entries of later terms. Progress#maybeDecrTo ignores stale
        //    rejections (answers to appends sent before the last change of next). Only if it moved
        //    next: a REPLICATE follower falls back to PROBE, and either way the follower gets a new
        //    probe (an empty append will do).
        //  - Accepted: Progress#maybeUpdate returns false for a stale acknowledgement: stop there. A
        //    PROBE follower has just been found to match: becomeReplicate; a REPLICATE one frees its
        //    inflight window up to the index. A higher match may commit (maybeCommit): then every
        //    follower must learn the new commit index (bcastAppend). Last, keep sending this follower
        //    what it still lacks while maybeSendAppend sends (the inflight window stops it).
        // Checked by RaftFigure7Test#followerWithManyConflictingTerms, RaftFigure7Test#followerWithExtraEntriesOfALaterTerm,
        // RaftReplicationTest#fastBacktrackingSkipsTheLeadersOwnTerms, RaftReplicationTest#fastBacktrackingSkipsTheFollowersHigherTerm,
        // RaftReplicationTest#inflightLimitBoundsUnacknowledgedAppends and RaftReplicationTest#leaderCommitsOnAQuorumOfAcknowledgements.
        // TODO(2c): a SNAPSHOT follower whose match reaches the snapshot it was sent resumes in REPLICATE.
        // Checked by RaftSnapshotTest#acknowledgedSnapshotResumesReplication.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.handleAppendResponse");
    }

    /** Appends {@code entry} to the leader's own log; a single-node cluster commits it at once. */
    void appendEntry(Entry entry) {
        // TODO(2a): this node's own progress follows its log. Checked by
        // RaftReplicationTest#newLeaderAppendsAnEmptyEntry and RaftElectionTest#singleNodeBecomesLeaderAndCommitsAlone.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.appendEntry");
    }

    /**
     * Raft §5.4.2 (rule 10): commits the highest index a quorum of voters holds, only if its entry is
     * from this term; returns whether the commit index moved.
     */
    private boolean maybeCommit() {
        // TODO(2a): the index a quorum holds is the quorum()-th highest of all matches, this node's own
        // included (sort the matches); RaftLog#maybeCommit applies the current-term check. Counting
        // replicas of an older entry is never enough: figure 8 of the paper shows such an entry being
        // overwritten. Checked by RaftReplicationTest#leaderNeedsAMajorityToCommit,
        // RaftReplicationTest#entriesOfEarlierTermsAreNotCommittedByCounting and
        // RaftReplicationTest#leaderCommitsPrecedingEntriesThroughItsOwnTerm.
        // TODO(2b): the first commit of this term releases the reads held in deferredReads. Checked by
        // RaftReadIndexTest#noReadBeforeTheLeaderCommitsAnEntryOfItsTerm.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.maybeCommit");
    }

    /**
     * Thesis §6.4 (rule "Read index"): holds a read back until this term has committed an entry, then
     * reads at the commit index once a heartbeat round carrying its context reaches a quorum.
     */
    private void handleReadIndex(ReadIndex r) {
        // TODO(2b): defer a read while this term has committed nothing; else note the commit index and the
        // request, and start a heartbeat round with its context (a single-node leader answers at once). Checked
        // by RaftReadIndexTest#leaderServesAfterHeartbeatQuorum and
        // RaftReadIndexTest#noReadBeforeTheLeaderCommitsAnEntryOfItsTerm.
        throw new UnsupportedOperationException("not implemented: TODO(2b) Leader.handleReadIndex");
    }

    /** Counts {@code from}'s answer for the read {@code context}; a quorum serves it and every earlier one. */
    private void confirmRead(long from, long context) {
        // TODO(2b): a served read of this node's own becomes a ReadState (Raft#addReadState), a
        // follower's a ReadIndexResponse. Checked by RaftReadIndexTest#leaderWaitsForAQuorumAndConfirmsEarlierReadsWithLaterOnes.
        throw new UnsupportedOperationException("not implemented: TODO(2b) Leader.confirmRead");
    }

    /** Sends every follower what it lacks, or an empty append that carries the commit index. */
    void bcastAppend() {
        // TODO(2a): maybeSendAppend to every other voter in id order, empty appends allowed (they carry the
        // commit index). Checked by RaftReplicationTest#leaderReplicatesAProposal and
        // RaftReplicationTest#followerCommitsWhatTheLeaderCommitted.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.bcastAppend");
    }

    /**
     * Sends {@code to} the entries from its next index on (at most {@code maxSizePerMsg} bytes, at least
     * one entry), after the index and term just before them, with the commit index; nothing while its
     * progress is paused, and an append without entries only if {@code sendIfEmpty}.
     *
     * @return whether an append was sent
     */
    private boolean maybeSendAppend(long to, boolean sendIfEmpty) {
        // TODO(2a): tell the progress what was sent (Progress#sentAppend). Checked by
        // RaftReplicationTest#appendsRespectMaxSizePerMessage and RaftReplicationTest#inflightLimitBoundsUnacknowledgedAppends.
        // TODO(2c): a next index below the log's first index needs the snapshot instead (maybeSendSnapshot).
        // Checked by RaftSnapshotTest#leaderSendsASnapshotToAFollowerBehindItsFirstIndex.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.maybeSendAppend");
    }

    /**
     * Raft §7: the follower needs entries compacted away, so it gets the latest snapshot instead, and
     * appends to it pause until it acknowledges. A storage still preparing one is asked again later.
     *
     * @return whether the snapshot was sent
     * @throws IllegalStateException if the log is compacted but the storage has no snapshot
     */
    private boolean maybeSendSnapshot(long to, Progress pr) {
        // TODO(2c): send InstallSnapshot and move the progress to SNAPSHOT; a SnapshotUnavailableException means
        // not now. Checked by RaftSnapshotTest#leaderSendsASnapshotToAFollowerBehindItsFirstIndex and
        // RaftSnapshotTest#unavailableSnapshotIsRetriedLater.
        throw new UnsupportedOperationException("not implemented: TODO(2c) Leader.maybeSendSnapshot");
    }

    /** Heartbeats to every follower (rule 10: each carries its own commit index); {@code context} names the read being confirmed, or 0. */
    private void bcastHeartbeat(long context) {
        // TODO(2a): one Heartbeat per other voter, in id order; never tell a follower a commit index beyond its
        // match. Checked by RaftReplicationTest#leaderBroadcastsHeartbeats.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.bcastHeartbeat");
    }
}
