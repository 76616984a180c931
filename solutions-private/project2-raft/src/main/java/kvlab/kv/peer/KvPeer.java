package kvlab.kv.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import kvlab.harness.cluster.NodeContext;
import kvlab.harness.cluster.NodeFactory;
import kvlab.harness.cluster.SimNode;
import kvlab.kv.Command;
import kvlab.kv.KvResponse;
import kvlab.kv.Op;
import kvlab.raft.ConfState;
import kvlab.raft.Entry;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message;
import kvlab.raft.ProposalDroppedException;
import kvlab.raft.ReadState;
import kvlab.raft.Ready;
import kvlab.raft.Role;
import kvlab.raft.Snapshot;
import kvlab.raft.core.Raft;
import kvlab.raft.core.RawNode;
import kvlab.raft.sim.RaftDisk;
import kvlab.raft.sim.RaftNodeOptions;
import kvlab.raft.sim.RaftStatus;

/**
 * One simulated store node ("peer") of a single-region replicated key/value store: it drives a
 * {@link RawNode}, keeps the Raft state in a {@link RaftDisk} and the data in a {@link KvStore}, both on
 * the node's simulated disk, and answers the {@link Command}s of clients.
 *
 * <p>Every event (tick, Raft message, client command) ends with the Ready loop, which for each
 * {@link Ready} must, in this order (the protocol on {@link Ready}):
 * <ol>
 *   <li>write its entries and hard state to the {@link RaftDisk} and <b>sync</b>, then put them in the
 *       Raft {@link MemoryStorage}. A Ready with a snapshot (Project 2C) replaces the whole
 *       durable state instead: {@link RaftDisk#rewrite} with the snapshot, the Ready's hard state (else
 *       the storage's) and its entries; then {@code applySnapshot} and append to the MemoryStorage, and
 *       {@link KvStore#restore} the store from the snapshot's data;
 *   <li>only then send its messages;
 *   <li>apply its committed entries to the {@link KvStore} in order, and answer the {@link Proposals}
 *       they complete;
 *   <li>{@code advance};
 *   <li>if this node is no longer leader, or leads in another term than before, fail every open
 *       proposal with NOT_LEADER (the clients retry elsewhere);
 *   <li>compact (Project 2C): once more than {@code logLimit} applied entries are in the log (applied
 *       index minus {@link #truncatedIndex()}), snapshot the store at the applied index
 *       ({@code createSnapshot} with the voters and {@link KvStore#snapshot()}), {@code compact} the
 *       MemoryStorage there, and {@link RaftDisk#rewrite} the disk with that snapshot, the storage's hard
 *       state and the entries after it. Raft then sends this snapshot to followers that need compacted
 *       entries.
 * </ol>
 *
 * <p>Client commands: a node that is not the leader answers NOT_LEADER with the leader it knows as a
 * hint; the leader proposes a write's encoded command and tracks it in {@link Proposals}. <b>A GET is
 * never logged</b>: the leader asks {@link RawNode#readIndex} under a fresh context, and when the
 * {@link ReadState} with that context arrives in a Ready, answers the GET from the store as soon as the
 * applied index reaches the ReadState's index (thesis §6.4). A GET still waiting for its ReadState when
 * leadership changes fails with NOT_LEADER, like a proposal (Raft drops it).
 *
 * <p>Restart: the snapshot, Raft log and hard state are replayed from the disk, the store recovers its
 * data and applied index (and is restored from the snapshot if the crash left it behind it), and the
 * RawNode is built with {@code applied} = the store's applied index, so its first Readies deliver again
 * exactly the committed entries the store lost.
 *
 * <p>Interface for tests: {@link #id()}, {@link #status()}, {@link #appliedIndex()},
 * {@link #truncatedIndex()}, {@link #store()}.
 */
public final class KvPeer implements SimNode {
    /** A log limit that never compacts: the Project 2B setting. */
    public static final long NO_COMPACTION = Long.MAX_VALUE;

    private final NodeContext ctx;
    /** Compact once the log holds more applied entries than this. */
    private final long logLimit;
    private final RaftDisk disk;
    private final MemoryStorage raftStorage = new MemoryStorage();
    private final KvStore store;
    private final RawNode raw;
    private final Proposals proposals = new Proposals();
    /** The term in which this node led as of the last Ready handled; 0 while it does not lead. */
    private long leaderTerm;
    /** The context of the last read index request; contexts are unique per peer incarnation. */
    private long lastReadContext;
    /** GETs waiting for their ReadState, by read context, in request order. */
    private final LinkedHashMap<Long, Command> unconfirmedReads = new LinkedHashMap<>();
    /** GETs confirmed by a ReadState, waiting for the applied index to reach it, in confirmation order. */
    private final List<ConfirmedRead> confirmedReads = new ArrayList<>();

    private record ConfirmedRead(long index, Command get) {}

    // ---- provided: construction, the node callbacks and the interface for tests ----

    /**
     * Builds (or rebuilds, after a crash) the peer from its disk; see the class comment.
     *
     * @param logLimit compact once the log holds more applied entries than this ({@link #NO_COMPACTION}: never)
     * @throws IllegalArgumentException if {@code logLimit < 1}
     */
    public KvPeer(NodeContext ctx, RaftNodeOptions options, long logLimit) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        if (logLimit < 1) {
            throw new IllegalArgumentException("log limit must be >= 1: " + logLimit);
        }
        this.logLimit = logLimit;
        this.disk = new RaftDisk(ctx.disk());
        RaftDisk.Contents durable = disk.load();
        if (!durable.snapshot().isEmpty()) {
            raftStorage.applySnapshot(durable.snapshot());
        }
        raftStorage.setHardState(durable.hardState());
        raftStorage.append(durable.entries());
        this.store = new KvStore(ctx.disk());
        if (store.appliedIndex() < durable.snapshot().metadata().index()) {
            // The crash came after the snapshot was durable but before the store's own batch was.
            store.restore(durable.snapshot().data());
        }
        List<Long> voters = new ArrayList<>();
        voters.add((long) ctx.id());
        ctx.peers().forEach(p -> voters.add((long) p));
        this.raw = new RawNode(options.config(ctx.id(), voters, ctx.random()).withApplied(store.appliedIndex()),
                raftStorage);
        handleReadies();
    }

    /** A factory for {@code Cluster.start}: every peer gets these Raft options and this log limit. */
    public static NodeFactory<KvPeer> factory(RaftNodeOptions options, long logLimit) {
        return ctx -> new KvPeer(ctx, options, logLimit);
    }

    @Override
    public void onTick() {
        raw.tick();
        handleReadies();
    }

    /**
     * Handles a Raft {@link Message} from another peer or a {@link Command} from a client.
     *
     * @throws IllegalArgumentException for any other message
     */
    @Override
    public void onMessage(int from, Object message) {
        if (message instanceof Message m) {
            try {
                raw.step(m);
            } catch (ProposalDroppedException dropped) {
                ctx.trace("dropped a forwarded proposal: " + dropped.getMessage());
            }
        } else if (message instanceof Command c) {
            handleCommand(c);
        } else {
            throw new IllegalArgumentException("peer " + id() + " got an unknown message from " + from + ": " + message);
        }
        handleReadies();
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

    /** The index of the last entry applied to the store. */
    public long appliedIndex() {
        return store.appliedIndex();
    }

    /** The index of the last entry compacted out of the Raft log (0 if none): the latest snapshot's. */
    public long truncatedIndex() {
        return raftStorage.firstIndex() - 1;
    }

    /** The store, for queries. */
    public KvStore store() {
        return store;
    }
    // ---- end of provided ----

    /** Answers NOT_LEADER unless this node leads; otherwise proposes {@code c} and tracks it. */
    private void handleCommand(Command c) {
        Raft raft = raw.raft();
        if (raft.role() != Role.LEADER) {
            reply(KvResponse.notLeader(c, (int) raft.lead()));
            return;
        }
        if (c.op() == Op.GET) {
            lastReadContext++;
            unconfirmedReads.put(lastReadContext, c);
            raw.readIndex(lastReadContext);
            return;
        }
        try {
            raw.propose(c.encode());
        } catch (ProposalDroppedException dropped) {
            reply(KvResponse.notLeader(c, 0));
            return;
        }
        proposals.add(raft.raftLog().lastIndex(), raft.term(), c);
    }

    /** The Ready loop of the class comment. */
    private void handleReadies() {
        while (raw.hasReady()) {
            Ready rd = raw.ready();
            persist(rd);
            for (Message m : rd.messages()) {
                ctx.send(Math.toIntExact(m.to()), m);
            }
            for (ReadState rs : rd.readStates()) {
                Command get = unconfirmedReads.remove(rs.context());
                if (get != null) {
                    confirmedReads.add(new ConfirmedRead(rs.index(), get));
                }
            }
            for (Entry e : rd.committedEntries()) {
                String value = store.apply(e);
                proposals.complete(e, value).ifPresent(this::reply);
            }
            serveConfirmedReads();
            raw.advance(rd);
            failProposalsIfLeadershipChanged();
            maybeCompact();
        }
    }

    /** Rule 6 of the class comment. */
    private void maybeCompact() {
        long applied = store.appliedIndex();
        if (applied - truncatedIndex() <= logLimit) {
            return;
        }
        Snapshot snapshot = raftStorage.createSnapshot(applied, new ConfState(raw.raft().peers()), store.snapshot());
        raftStorage.compact(applied);
        disk.rewrite(snapshot, raftStorage.hardState(),
                raftStorage.entries(applied + 1, raftStorage.lastIndex() + 1, Long.MAX_VALUE));
    }

    /** Answers the confirmed GETs whose read index the store has applied. */
    private void serveConfirmedReads() {
        var it = confirmedReads.iterator();
        while (it.hasNext()) {
            ConfirmedRead read = it.next();
            if (read.index() <= store.appliedIndex()) {
                it.remove();
                reply(KvResponse.ok(read.get(), store.get(read.get().key()).orElse(null)));
            }
        }
    }

    private void persist(Ready rd) {
        if (rd.snapshot().isPresent()) {
            installSnapshot(rd.snapshot().get(), rd);
            return;
        }
        if (rd.entries().isEmpty() && rd.hardState().isEmpty()) {
            return;
        }
        disk.append(rd.entries());
        rd.hardState().ifPresent(disk::saveHardState);
        disk.sync();
        raftStorage.append(rd.entries());
        rd.hardState().ifPresent(raftStorage::setHardState);
    }

    /** Rule 1 of the class comment, for a Ready that carries a snapshot from the leader. */
    private void installSnapshot(Snapshot snapshot, Ready rd) {
        disk.rewrite(snapshot, rd.hardState().orElse(raftStorage.hardState()), rd.entries());
        raftStorage.applySnapshot(snapshot);
        raftStorage.append(rd.entries());
        rd.hardState().ifPresent(raftStorage::setHardState);
        store.restore(snapshot.data());
    }

    /** Rule 5 of the class comment. */
    private void failProposalsIfLeadershipChanged() {
        Raft raft = raw.raft();
        long nowLeading = raft.role() == Role.LEADER ? raft.term() : 0;
        if (nowLeading != leaderTerm) {
            proposals.failAll((int) raft.lead()).forEach(this::reply);
            unconfirmedReads.values().forEach(get -> reply(KvResponse.notLeader(get, (int) raft.lead())));
            unconfirmedReads.clear();
        }
        leaderTerm = nowLeading;
    }

    private void reply(KvResponse response) {
        ctx.send(response.clientId(), response);
    }
}
