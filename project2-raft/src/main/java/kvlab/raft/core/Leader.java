package kvlab.raft.core;

import kvlab.raft.Entry;
import kvlab.raft.Message;

/**
 * The leader role of a {@link Raft} node: progress per follower, replication (Raft §5.3), commitment
 * (§5.4.2), heartbeats and check-quorum (thesis §6.2). {@link Raft#becomeLeader()} creates one per
 * term of leadership and installs {@link #step} and {@link #tick} as the role's handlers; the central
 * term rules in {@link Raft#step} run before {@link #step} sees a message. Give {@link Raft}
 * package-private methods for what this class needs from it (sending a message, the config, the
 * quorum size).
 *
 * <p>The rules the tests check are listed on {@link Raft}; those that live here: commit by counting
 * only entries of the current term; heartbeats carry {@code min(match, committed)}; a rejected append
 * moves next back using the follower's hint (skip a whole term per round trip); in
 * {@link Progress.State#REPLICATE} keep streaming while the inflight window allows; entries per append
 * limited by {@code maxSizePerMsg} (at least one); peers in ascending id order.
 */
final class Leader {

    /** Leadership of {@code raft}'s current term: every follower's next index starts after the log. */
    Leader(Raft raft) {
        // TODO(2a): one Progress per voter (next = lastIndex + 1; this node's match = lastIndex). Checked by
        // RaftReplicationTest#leaderTracksMatchAndNext.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.<init>");
    }

    /** The progress of voter {@code peer}; {@link IllegalArgumentException} for a non-voter. */
    Progress progress(long peer) {
        // TODO(2a): Checked by RaftReplicationTest#leaderTracksMatchAndNext.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.progress");
    }

    /** A heartbeat every heartbeatTick ticks; with check-quorum, a quorum check every electionTick ticks. */
    void tick() {
        // TODO(2a): step a Beat when due; step down (becomeFollower) when check-quorum finds no active quorum.
        // Checked by RaftReplicationTest#leaderBroadcastsHeartbeats and RaftCheckQuorumTest#leaderStepsDownWithoutQuorum.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.tick");
    }

    /** The leader's message handler: Beat, Propose, AppendResponse, HeartbeatResponse. */
    void step(Message m) {
        // TODO(2a): Checked by RaftReplicationTest#leaderReplicatesAProposal, RaftFigure7Test#followerMissingManyEntries
        // and most other RaftReplicationTest and RaftFigure7Test tests.
        // TODO(2c): a follower whose next index is below the log's first index gets the snapshot (rule
        // "Snapshots" on Raft), and its acknowledgement or a heartbeat answer ends the SNAPSHOT state. Checked by
        // RaftSnapshotTest#leaderSendsASnapshotToAFollowerBehindItsFirstIndex and
        // RaftSnapshotTest#acknowledgedSnapshotResumesReplication.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.step");
    }

    /** Appends {@code entry} to the leader's own log; a single-node cluster commits it at once. */
    void appendEntry(Entry entry) {
        // TODO(2a): append, update this node's own progress, maybe commit. Checked by
        // RaftReplicationTest#newLeaderAppendsAnEmptyEntry and RaftElectionTest#singleNodeBecomesLeaderAndCommitsAlone.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.appendEntry");
    }

    /** Sends every follower what it lacks, or an empty append that carries the commit index. */
    void bcastAppend() {
        // TODO(2a): Checked by RaftElectionTest#votesAreCountedOncePerVoter and RaftReplicationTest#leaderReplicatesAProposal.
        throw new UnsupportedOperationException("not implemented: TODO(2a) Leader.bcastAppend");
    }
}
