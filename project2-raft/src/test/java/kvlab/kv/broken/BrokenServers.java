package kvlab.kv.broken;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NavigableMap;
import java.util.random.RandomGenerator;
import kvlab.harness.cluster.NodeContext;
import kvlab.harness.cluster.NodeFactory;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.sim.EventHandle;
import kvlab.kv.Command;
import kvlab.kv.KvResponse;
import kvlab.kv.KvServer;
import kvlab.kv.Op;
import kvlab.kv.StoreSnapshot;
import kvlab.kv.peer.KvPeer;
import kvlab.raft.Message;
import kvlab.raft.Snapshot;
import kvlab.raft.sim.RaftNodeOptions;

/**
 * Servers that break one guarantee of part 2B on purpose, built as wrappers around the real
 * {@link KvPeer} (no solution code is copied): the framework's proof that the graded read scenarios
 * catch these bugs. Never used by a graded test.
 */
final class BrokenServers {
    private BrokenServers() {}

    /** Every node answers a GET at once from its own store: no ReadIndex, no leadership check. */
    static NodeFactory<KvServer> readsFromAnyNode() {
        return ctx -> new StaleReads(newPeer(ctx), ctx);
    }

    /**
     * The store never recognises a retry: each attempt reaches it under a fresh, higher sequence
     * number, as if the de-duplication table were forgotten; answers get the client's number back.
     */
    static NodeFactory<KvServer> forgetsDuplicates() {
        return ctx -> {
            RenumberingContext renumbering = new RenumberingContext(ctx);
            return new Renumbered(newPeer(renumbering), renumbering);
        };
    }

    /**
     * Snapshots arrive without the de-duplication table: every {@code c/} pair (a client's last applied
     * sequence number, in {@link kvlab.kv.peer.KvStore}'s layout) is cut from an incoming snapshot, as if
     * the sender's store left it out. Peers compact beyond {@code logLimit} entries.
     */
    static NodeFactory<KvServer> snapshotsWithoutDeduplication(long logLimit) {
        return ctx -> new NoDedupInSnapshots(KvPeer.factory(RaftNodeOptions.defaults(), logLimit).create(ctx));
    }

    private static KvPeer newPeer(NodeContext ctx) {
        return KvPeer.factory(RaftNodeOptions.defaults(), KvPeer.NO_COMPACTION).create(ctx);
    }

    private record NoDedupInSnapshots(KvPeer peer) implements KvServer {
        @Override
        public void onMessage(int from, Object message) {
            peer.onMessage(from, message instanceof Message.InstallSnapshot s ? withoutDeduplication(s) : message);
        }

        @Override
        public void onTick() {
            peer.onTick();
        }

        private static Message.InstallSnapshot withoutDeduplication(Message.InstallSnapshot s) {
            NavigableMap<byte[], byte[]> pairs = StoreSnapshot.decode(s.snapshot().data());
            pairs.keySet().removeIf(key -> new String(key, StandardCharsets.UTF_8).startsWith("c/"));
            Snapshot stripped = new Snapshot(s.snapshot().metadata(), StoreSnapshot.encode(pairs));
            return new Message.InstallSnapshot(s.from(), s.to(), s.term(), stripped);
        }
    }

    private record StaleReads(KvPeer peer, NodeContext ctx) implements KvServer {
        @Override
        public void onMessage(int from, Object message) {
            if (message instanceof Command c && c.op() == Op.GET) {
                ctx.send(c.clientId(), KvResponse.ok(c, peer.store().get(c.key()).orElse(null)));
            } else {
                peer.onMessage(from, message);
            }
        }

        @Override
        public void onTick() {
            peer.onTick();
        }
    }

    private record Renumbered(KvPeer peer, RenumberingContext ctx) implements KvServer {
        @Override
        public void onMessage(int from, Object message) {
            peer.onMessage(from, message instanceof Command c ? ctx.renumber(c) : message);
        }

        @Override
        public void onTick() {
            peer.onTick();
        }
    }

    /**
     * A command's sequence number becomes {@code seq * SCALE + now}: every retry (later in virtual
     * time) is larger than the attempt before, and every command larger than the previous command's.
     */
    private record RenumberingContext(NodeContext inner) implements NodeContext {
        private static final long SCALE = 1_000_000_000L;

        Command renumber(Command c) {
            return new Command(c.clientId(), c.seq() * SCALE + inner.now(), c.op(), c.key(), c.value());
        }

        @Override
        public void send(int to, Object message) {
            inner.send(to, message instanceof KvResponse r
                    ? new KvResponse(r.clientId(), r.seq() / SCALE, r.status(), r.value(), r.leaderHint())
                    : message);
        }

        @Override
        public int id() {
            return inner.id();
        }

        @Override
        public List<Integer> peers() {
            return inner.peers();
        }

        @Override
        public SimDisk disk() {
            return inner.disk();
        }

        @Override
        public RandomGenerator random() {
            return inner.random();
        }

        @Override
        public long now() {
            return inner.now();
        }

        @Override
        public EventHandle schedule(long delayMs, String label, Runnable action) {
            return inner.schedule(delayMs, label, action);
        }

        @Override
        public void trace(String detail) {
            inner.trace(detail);
        }
    }
}
