package kvlab.kv.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kvlab.harness.cluster.NodeContext;
import kvlab.harness.cluster.NodeFactory;
import kvlab.harness.cluster.SimNode;
import kvlab.kv.Command;
import kvlab.kv.KvResponse;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message;
import kvlab.raft.ProposalDroppedException;
import kvlab.raft.Role;
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
 * {@link kvlab.raft.ReadState} with that context arrives in a Ready, answers the GET from the store as soon as the
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
        // TODO(2b): a node that does not lead answers KvResponse.notLeader with the leader it knows; the
        // leader proposes c.encode() (a ProposalDroppedException also means NOT_LEADER) and records the
        // entry's index and term in proposals. A GET is not proposed: raw.readIndex under a fresh context,
        // remembered until its ReadState arrives. Checked by KvBasicTest#oneClient and
        // KvReadIndexTest#readsAreNotLogged.
        throw new UnsupportedOperationException("not implemented: TODO(2b) KvPeer.handleCommand");
    }

    /** The Ready loop of the class comment. */
    private void handleReadies() {
        // TODO(2b): steps 1 to 5 of the class comment, for every Ready while raw.hasReady(). Persist
        // and sync BEFORE sending; apply with store.apply and answer with proposals.complete; after advance,
        // fail the open proposals if leadership or term changed (remember the term you led in). Checked by
        // KvBasicTest#oneClient and KvPersistenceTest#crashOfAllNodesThenRecovery. Also: turn rd.readStates()
        // into confirmed GETs, answer each once the applied index reaches its index, and fail the GETs still
        // without ReadState when leadership changes. Checked by KvReadIndexTest#readOnlyLoadDuringPartitions.
        // TODO(2c): a Ready with a snapshot: rewrite the RaftDisk, applySnapshot, store.restore (step 1 of the
        // class comment); after advance, compact once the log holds more than logLimit applied entries (step 6).
        // Checked by KvSnapshotTest#followerFarBehindCatchesUpBySnapshot and KvSnapshotTest#logSizeStaysBounded.
        throw new UnsupportedOperationException("not implemented: TODO(2b) KvPeer.handleReadies");
    }

    private void reply(KvResponse response) {
        ctx.send(response.clientId(), response);
    }
}
