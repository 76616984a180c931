package kvlab.raft.core;

import kvlab.raft.Config;
import kvlab.raft.Message;
import kvlab.raft.ProposalDroppedException;
import kvlab.raft.Ready;
import kvlab.raft.Storage;

/**
 * The application's handle on one Raft node: it feeds time and messages in, and takes everything out
 * as a {@link Ready}, following the numbered protocol written on {@link Ready}. Not thread-safe.
 *
 * <p>A Ready holds, since the previous {@link #advance}: the soft state if it changed, the hard state
 * if it changed, the unstable entries, the pending snapshot, the committed entries not yet applied, and
 * the outgoing messages. Taking a Ready drains the outbox; {@link #advance} then marks its entries
 * stable and its committed entries applied, so nothing is delivered twice.
 *
 * <p>Restart: a RawNode built over a storage that holds a hard state and entries resumes from them
 * (term, vote, commit and log as persisted); its first Ready delivers again the committed entries after
 * {@link Config#applied()}, because the application may not have applied them before the crash.
 */
public final class RawNode {

    /** A node over {@code storage} (a fresh one, or one restored from disk after a restart). */
    public RawNode(Config config, Storage storage) {
        // TODO(2a): build the Raft; remember its soft and hard state as "already delivered", so the first
        // Ready only reports changes. Checked by RawNodeTest#restartsFromStorage.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.<init>");
    }

    /** Advances time by one tick. */
    public void tick() {
        // TODO(2a): Checked by RawNodeTest#tickEventuallyCampaigns.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.tick");
    }

    /** Starts an election now, as if the election timeout had elapsed. */
    public void campaign() {
        // TODO(2a): step a Hup. Checked by RawNodeTest#campaignMakesASingleNodeLeader.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.campaign");
    }

    /**
     * Proposes {@code data} as a new normal entry.
     *
     * @throws ProposalDroppedException if the node knows no leader
     */
    public void propose(byte[] data) {
        // TODO(2a): step a Propose. Checked by RawNodeTest#committedEntriesArriveInOrderExactlyOnce.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.propose");
    }

    /**
     * Asks for a linearizable read identified by {@code context} (ReadIndex, thesis §6.4). When the
     * leader has confirmed it, a {@link kvlab.raft.ReadState} with that context arrives in a Ready: the
     * read may be served once the application has applied the ReadState's index. The request is
     * dropped silently when no leader is known or leadership changes: the caller must time out.
     * Appends nothing to the log.
     *
     * @param context names the request; nonzero (0 marks a plain heartbeat) and unique among pending ones
     * @throws IllegalArgumentException if {@code context} is 0
     */
    public void readIndex(long context) {
        // TODO(2b): step a ReadIndex with term 0; deliver the confirmed ReadStates in Ready.readStates (and
        // count them in hasReady). Checked by RaftReadIndexTest#leaderServesAfterHeartbeatQuorum.
        throw new UnsupportedOperationException("not implemented: TODO(2b) RawNode.readIndex");
    }

    /**
     * Hands a message received from the network to Raft.
     *
     * @throws IllegalArgumentException for a local message ({@link Message.Hup}, {@link Message.Beat}),
     *     which must never come from the network, or a message addressed to another node
     * @throws ProposalDroppedException for a forwarded {@link Message.Propose} that no log accepted
     */
    public void step(Message message) {
        // TODO(2a): Checked by RawNodeTest#stepRejectsLocalAndMisaddressedMessages.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.step");
    }

    /** Whether {@link #ready()} would return anything to do. */
    public boolean hasReady() {
        // TODO(2a): Checked by RawNodeTest#nothingIsRedeliveredAfterAdvance.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.hasReady");
    }

    /**
     * Everything to persist, send and apply since the last {@link #advance}; drains the outbox.
     *
     * @throws IllegalStateException if the previous Ready was not advanced yet (protocol rule 4)
     */
    public Ready ready() {
        // TODO(2a): Checked by RawNodeTest#readyCarriesEntriesMessagesAndCommittedEntries.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.ready");
    }

    /**
     * Acknowledges that {@code ready} was handled: its entries are persisted, its hard state is the
     * delivered one, its committed entries are applied.
     *
     * @throws IllegalStateException if {@code ready} is not the Ready last returned, or was advanced
     *     already (protocol rule 4)
     */
    public void advance(Ready ready) {
        // TODO(2a): stableTo the last entry, appliedTo the last committed entry. Checked by
        // RawNodeTest#nothingIsRedeliveredAfterAdvance.
        // TODO(2c): a Ready's snapshot is now persisted AND applied (stableSnapTo, appliedTo its index). Checked
        // by RaftSnapshotTest#rawNodeDeliversTheSnapshotThenEntriesAfterIt.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.advance");
    }

    /** The Raft state machine, for queries (the "interface for tests" on {@link Raft}). */
    public Raft raft() {
        // TODO(2a): Checked by RawNodeTest#campaignMakesASingleNodeLeader.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.raft");
    }
}
