package kvlab.raft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kvlab.raft.Config;
import kvlab.raft.Entry;
import kvlab.raft.EntryType;
import kvlab.raft.HardState;
import kvlab.raft.Message;
import kvlab.raft.ProposalDroppedException;
import kvlab.raft.Ready;
import kvlab.raft.SoftState;
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
    // The state the provided methods read; add what else you need, rename freely.
    private final Raft raft;
    /** The soft and hard state last delivered in a Ready (or restored from storage). */
    private SoftState deliveredSoft;
    private HardState deliveredHard;
    /** Messages taken from Raft by hasReady() and not yet delivered. */
    private final List<Message> heldMessages = new ArrayList<>();
    /** The Ready returned by ready() and not yet advanced, or null. */
    private Ready pending;

    /** A node over {@code storage} (a fresh one, or one restored from disk after a restart). */
    public RawNode(Config config, Storage storage) {
        // TODO(2a): the first Ready reports only what changed since this: the soft state now, and the
        // hard state as the storage holds it. Checked by RawNodeTest#restartsFromStorage and
        // RawNodeTest#readyCarriesHardStateOnlyWhenChanged.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.<init>");
    }

    /** Advances time by one tick. */
    public void tick() {
        raft.tick(); // provided, like campaign, propose and raft: local inputs go straight to Raft
    }

    /** Starts an election now, as if the election timeout had elapsed. */
    public void campaign() {
        raft.step(new Message.Hup(raft.id(), raft.id(), 0));
    }

    /**
     * Proposes {@code data} as a new normal entry.
     *
     * @throws ProposalDroppedException if the node knows no leader
     */
    public void propose(byte[] data) {
        raft.step(new Message.Propose(raft.id(), raft.id(), 0, EntryType.NORMAL, data));
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
        // TODO(2b): step a ReadIndex with term 0; Ready.readStates carries the confirmed ones (and hasReady
        // counts them). Checked by RaftReadIndexTest#leaderServesAfterHeartbeatQuorum.
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
        // TODO(2a): reject local and misaddressed messages with IllegalArgumentException, then hand the rest to
        // Raft. Checked by RawNodeTest#stepRejectsLocalAndMisaddressedMessages.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.step");
    }

    /** Whether {@link #ready()} would return anything to do. */
    public boolean hasReady() {
        // TODO(2a): asking may take the messages out of Raft's outbox (readMessages): keep them for the
        // next ready(), never drop them. Checked by RawNodeTest#hasReadyDoesNotLoseMessages and
        // RawNodeTest#nothingIsRedeliveredAfterAdvance.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.hasReady");
    }

    /**
     * Everything to persist, send and apply since the last {@link #advance}; drains the outbox.
     *
     * @throws IllegalStateException if the previous Ready was not advanced yet (protocol rule 4)
     */
    public Ready ready() {
        // TODO(2a): fail loudly on a second ready() before advance; report soft and hard state only when
        // changed; drain the messages held by hasReady too. Checked by
        // RawNodeTest#readyCarriesEntriesMessagesAndCommittedEntries and
        // RawNodeTest#breakingTheReadyProtocolFailsLoudly.
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
        // TODO(2a): check protocol rule 4, then record what the Ready persisted and applied. Checked by
        // RawNodeTest#nothingIsRedeliveredAfterAdvance and RawNodeTest#breakingTheReadyProtocolFailsLoudly.
        // TODO(2c): a Ready's snapshot is now persisted AND applied. Checked by
        // RaftSnapshotTest#rawNodeDeliversTheSnapshotThenEntriesAfterIt.
        throw new UnsupportedOperationException("not implemented: TODO(2a) RawNode.advance");
    }

    /** The Raft state machine, for queries (the "interface for tests" on {@link Raft}). */
    public Raft raft() {
        return raft;
    }
}
