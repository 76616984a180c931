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
        this.raft = new Raft(config, storage);
        this.deliveredSoft = raft.softState();
        this.deliveredHard = storage.initialState().hardState();
    }

    /** Advances time by one tick. */
    public void tick() {
        raft.tick();
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
        if (context == 0) {
            throw new IllegalArgumentException("read index context 0 is reserved for plain heartbeats");
        }
        raft.step(new Message.ReadIndex(raft.id(), raft.id(), 0, context));
    }

    /**
     * Hands a message received from the network to Raft.
     *
     * @throws IllegalArgumentException for a local message ({@link Message.Hup}, {@link Message.Beat}),
     *     which must never come from the network, or a message addressed to another node
     * @throws ProposalDroppedException for a forwarded {@link Message.Propose} that no log accepted
     */
    public void step(Message message) {
        if (message instanceof Message.Hup || message instanceof Message.Beat) {
            throw new IllegalArgumentException("a local message cannot come from the network: " + message);
        }
        if (message.to() != raft.id()) {
            throw new IllegalArgumentException("node " + raft.id() + " received a message for another node: " + message);
        }
        raft.step(message);
    }

    /** Whether {@link #ready()} would return anything to do. */
    public boolean hasReady() {
        heldMessages.addAll(raft.readMessages());
        RaftLog log = raft.raftLog();
        return !heldMessages.isEmpty() || raft.hasReadStates() || !raft.softState().equals(deliveredSoft)
                || !raft.hardState().equals(deliveredHard) || !log.unstableEntries().isEmpty()
                || log.unstableSnapshot().isPresent() || log.hasNextCommittedEntries();
    }

    /**
     * Everything to persist, send and apply since the last {@link #advance}; drains the outbox.
     *
     * @throws IllegalStateException if the previous Ready was not advanced yet (protocol rule 4)
     */
    public Ready ready() {
        if (pending != null) {
            throw new IllegalStateException("Ready protocol rule 4 broken: ready() called again before advance() of "
                    + "the previous Ready");
        }
        heldMessages.addAll(raft.readMessages());
        SoftState soft = raft.softState();
        HardState hard = raft.hardState();
        RaftLog log = raft.raftLog();
        pending = new Ready(
                soft.equals(deliveredSoft) ? Optional.empty() : Optional.of(soft),
                hard.equals(deliveredHard) ? Optional.empty() : Optional.of(hard),
                raft.takeReadStates(),
                log.unstableEntries(),
                log.unstableSnapshot(),
                log.nextCommittedEntries(),
                heldMessages);
        heldMessages.clear();
        deliveredSoft = soft;
        deliveredHard = hard;
        return pending;
    }

    /**
     * Acknowledges that {@code ready} was handled: its entries are persisted, its hard state is the
     * delivered one, its committed entries are applied.
     *
     * @throws IllegalStateException if {@code ready} is not the Ready last returned, or was advanced
     *     already (protocol rule 4)
     */
    public void advance(Ready ready) {
        if (pending == null || ready != pending) {
            throw new IllegalStateException("Ready protocol rule 4 broken: advance() must be called once, with the "
                    + "Ready last returned by ready()");
        }
        RaftLog log = raft.raftLog();
        if (!ready.entries().isEmpty()) {
            Entry last = ready.entries().get(ready.entries().size() - 1);
            log.stableTo(last.index(), last.term());
        }
        ready.snapshot().ifPresent(s -> {
            log.stableSnapTo(s.metadata().index());
            log.appliedTo(s.metadata().index());
        });
        if (!ready.committedEntries().isEmpty()) {
            log.appliedTo(ready.committedEntries().get(ready.committedEntries().size() - 1).index());
        }
        pending = null;
    }

    /** The Raft state machine, for queries (the "interface for tests" on {@link Raft}). */
    public Raft raft() {
        return raft;
    }
}
