package kvlab.raft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import kvlab.raft.Config;
import kvlab.raft.ConfState;
import kvlab.raft.Entry;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message;
import kvlab.raft.ReadState;
import kvlab.raft.Ready;

/**
 * A tiny application around {@link RawNode}s for the RawNode tests: it handles every Ready by the
 * protocol (persist, then send, then apply, then advance), checks on the way that no message carries an
 * entry that is not persisted yet, and delivers messages synchronously until all is quiet. It keeps
 * every node's ReadStates and every message sent, and drops the messages a test chooses to lose. A
 * Ready's snapshot is installed in the node's storage; {@link #compact} snapshots a node's log.
 */
final class ReadyLoop {
    private static final int MAX_ROUNDS = 10_000;
    private final TreeMap<Long, RawNode> nodes = new TreeMap<>();
    private final TreeMap<Long, MemoryStorage> storages = new TreeMap<>();
    private final TreeMap<Long, List<Entry>> applied = new TreeMap<>();
    private final TreeMap<Long, List<ReadState>> readStates = new TreeMap<>();
    private final List<Message> network = new ArrayList<>();
    private final List<Message> sent = new ArrayList<>();
    private Predicate<Message> lost = m -> false;

    ReadyLoop(int size) {
        for (long id : Fixtures.ids(size)) {
            MemoryStorage storage = new MemoryStorage();
            storages.put(id, storage);
            nodes.put(id, new RawNode(Fixtures.config(id, Fixtures.ids(size)), storage));
            applied.put(id, new ArrayList<>());
            readStates.put(id, new ArrayList<>());
        }
    }

    /** From now on, messages matching {@code lost} are sent but never delivered. */
    void lose(Predicate<Message> lost) {
        this.lost = lost;
    }

    /** The ReadStates node {@code id}'s Readies carried, in order. */
    List<ReadState> readStates(long id) {
        return readStates.get(id);
    }

    /** Every message sent so far, lost ones included, in sending order. */
    List<Message> sent() {
        return sent;
    }

    RawNode node(long id) {
        return nodes.get(id);
    }

    MemoryStorage storage(long id) {
        return storages.get(id);
    }

    /** Entries applied by node {@code id}, in the order applied. */
    List<Entry> applied(long id) {
        return applied.get(id);
    }

    /** A new RawNode over node {@code id}'s storage, as after a crash; its applied list restarts too. */
    RawNode restart(long id, Config config) {
        RawNode restarted = new RawNode(config, storages.get(id));
        nodes.put(id, restarted);
        return restarted;
    }

    /**
     * Handles Readies and delivers messages until no node has anything to do; fails instead of looping
     * forever when the nodes never quiet down (for example a Ready re-delivered after advance).
     */
    void stabilize() {
        boolean busy = true;
        for (int round = 0; busy; round++) {
            if (round == MAX_ROUNDS) {
                throw new AssertionError("the nodes are still busy after " + MAX_ROUNDS + " rounds of Ready handling"
                        + " and delivery: does hasReady() stay true after advance()?");
            }
            busy = false;
            for (long id : nodes.keySet()) {
                if (nodes.get(id).hasReady()) {
                    handle(id, nodes.get(id).ready());
                    busy = true;
                }
            }
            List<Message> batch = new ArrayList<>(network);
            network.clear();
            batch.forEach(m -> nodes.get(m.to()).step(m));
            busy |= !batch.isEmpty();
        }
    }

    /**
     * Snapshots node {@code id}'s state at its applied index (the data names the index) and compacts its
     * storage there, as an application does when its log grows too long.
     */
    void compact(long id) {
        long applied = nodes.get(id).raft().raftLog().applied();
        MemoryStorage storage = storages.get(id);
        storage.createSnapshot(applied, new ConfState(nodes.get(id).raft().peers()), Fixtures.bytes("state@" + applied));
        storage.compact(applied);
    }

    /** The protocol on {@link Ready}, rule by rule. */
    void handle(long id, Ready ready) {
        MemoryStorage storage = storages.get(id);
        ready.snapshot().ifPresent(storage::applySnapshot);
        storage.append(ready.entries());
        ready.hardState().ifPresent(storage::setHardState);
        for (Message m : ready.messages()) {
            if (m instanceof Message.Append a) {
                for (Entry e : a.entries()) {
                    assertThat(e.index()).as("node " + id + " sends entry " + e + " before it was in a Ready to persist")
                            .isLessThanOrEqualTo(storage.lastIndex());
                    assertThat(storage.term(e.index())).as("persisted term of entry " + e.index() + " on node " + id)
                            .isEqualTo(e.term());
                }
            }
        }
        sent.addAll(ready.messages());
        ready.messages().stream().filter(lost.negate()).forEach(network::add);
        readStates.get(id).addAll(ready.readStates());
        applied.get(id).addAll(ready.committedEntries());
        nodes.get(id).advance(ready);
    }
}
