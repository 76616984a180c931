package kvlab.raft.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import kvlab.harness.cluster.NodeContext;
import kvlab.harness.cluster.NodeFactory;
import kvlab.harness.cluster.SimNode;
import kvlab.raft.Entry;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message;
import kvlab.raft.ProposalDroppedException;
import kvlab.raft.Ready;
import kvlab.raft.core.Raft;
import kvlab.raft.core.RawNode;

/**
 * The application loop of one simulated Raft node: it owns a {@link RawNode}, drives it with the
 * cluster's ticks and messages, and handles every {@link Ready} the way the protocol on {@link Ready}
 * demands. Provided code: students do not edit it; it is what runs their Raft in the cluster tests.
 *
 * <p>For every tick, message or proposal, while the RawNode has a Ready:
 * <ol>
 *   <li>write the Ready's entries and hard state to the node's {@link RaftDisk} and <b>sync</b>, and
 *       put them in the {@link MemoryStorage} Raft reads from;
 *   <li>only then send the Ready's messages, in order;
 *   <li>apply its committed entries to the state machine (here: a record of the applied entries);
 *   <li>{@code advance}.
 * </ol>
 *
 * <p>Restart: a new incarnation replays the disk into a fresh MemoryStorage (hard state and log) and
 * builds its RawNode over it with {@code applied = 0}: the state machine lives in memory, so the
 * first Readies apply the committed log again from index 1.
 *
 * <p>Exceptions thrown by Raft leave the node and fail the simulation, except
 * {@link ProposalDroppedException}, which only means "retry later".
 */
public final class RaftNode implements SimNode {
    private final NodeContext ctx;
    private final RaftListener listener;
    private final RaftDisk disk;
    private final MemoryStorage storage = new MemoryStorage();
    private final RawNode raw;
    /** The state machine: the entries applied by this incarnation; element i holds index i + 1. */
    private final List<Entry> applied = new ArrayList<>();

    /** Builds (or rebuilds, after a crash) the node from its disk; see the class comment. */
    public RaftNode(NodeContext ctx, RaftNodeOptions options, RaftListener listener) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.disk = new RaftDisk(ctx.disk());
        RaftDisk.Contents durable = disk.load();
        storage.setHardState(durable.hardState());
        storage.append(durable.entries());
        List<Long> voters = new ArrayList<>();
        voters.add((long) ctx.id());
        ctx.peers().forEach(p -> voters.add((long) p));
        this.raw = new RawNode(options.config(ctx.id(), voters, ctx.random()), storage);
        listener.started(this, durable.hardState(), durable.entries());
        handleReadies();
    }

    /** A factory for {@code Cluster.start}: every node gets these options and this listener. */
    public static NodeFactory<RaftNode> factory(RaftNodeOptions options, RaftListener listener) {
        return ctx -> new RaftNode(ctx, options, listener);
    }

    @Override
    public void onTick() {
        raw.tick();
        handleReadies();
    }

    @Override
    public void onMessage(int from, Object message) {
        try {
            raw.step((Message) message);
        } catch (ProposalDroppedException dropped) {
            ctx.trace("dropped a forwarded proposal: " + dropped.getMessage());
        }
        handleReadies();
    }

    /**
     * Proposes {@code data} if this node is the leader, like 6.5840's {@code Start}: a node that is not
     * the leader proposes nothing (it would forward the proposal, and its index would be unknown).
     *
     * @return the index the entry got in the leader's log, or empty if this node is not the leader or
     *     dropped the proposal
     */
    public OptionalLong propose(byte[] data) {
        if (!status().isLeader()) {
            return OptionalLong.empty();
        }
        try {
            raw.propose(data);
        } catch (ProposalDroppedException dropped) {
            handleReadies();
            return OptionalLong.empty();
        }
        long index = raw.raft().raftLog().lastIndex();
        handleReadies();
        return OptionalLong.of(index);
    }

    /** This node's id. */
    public int id() {
        return ctx.id();
    }

    /** The node's Raft state now. */
    public RaftStatus status() {
        Raft raft = raw.raft();
        return new RaftStatus(raft.id(), raft.term(), raft.vote(), raft.role(), raft.lead(),
                raft.raftLog().committed(), raft.raftLog().lastIndex());
    }

    /** The index of the last entry this incarnation applied (0 if none). */
    public long appliedIndex() {
        return applied.size();
    }

    /** The entry this incarnation applied at {@code index}, if it applied that far. */
    public Optional<Entry> appliedAt(long index) {
        return index >= 1 && index <= applied.size() ? Optional.of(applied.get((int) (index - 1))) : Optional.empty();
    }

    private void handleReadies() {
        while (raw.hasReady()) {
            Ready rd = raw.ready();
            persist(rd);
            for (Message m : rd.messages()) {
                ctx.send(Math.toIntExact(m.to()), m);
            }
            for (Entry e : rd.committedEntries()) {
                apply(e);
            }
            raw.advance(rd);
        }
        listener.eventDone(this);
    }

    private void persist(Ready rd) {
        if (rd.snapshot().isPresent()) {
            throw new IllegalStateException("node " + id() + ": snapshots are Project 2C; this loop cannot install "
                    + rd.snapshot().get());
        }
        if (rd.entries().isEmpty() && rd.hardState().isEmpty()) {
            return;
        }
        disk.append(rd.entries());
        rd.hardState().ifPresent(disk::saveHardState);
        disk.sync();
        storage.append(rd.entries());
        rd.hardState().ifPresent(storage::setHardState);
        listener.persisted(this, rd.hardState(), rd.entries());
    }

    private void apply(Entry e) {
        listener.applied(this, e);
        if (e.index() != applied.size() + 1) {
            throw new IllegalStateException("node " + id() + ": Ready delivered committed entry " + e
                    + " but the state machine has applied up to " + applied.size()
                    + " (committed entries must be applied in order, each exactly once)");
        }
        applied.add(e);
    }
}
