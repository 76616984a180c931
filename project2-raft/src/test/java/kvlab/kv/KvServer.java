package kvlab.kv;

import kvlab.harness.cluster.NodeFactory;
import kvlab.harness.cluster.SimNode;
import kvlab.kv.peer.KvPeer;
import kvlab.raft.sim.RaftNodeOptions;

/**
 * A server of a {@link KvCluster}: the student's {@link KvPeer}, or, in the framework's own tests only,
 * a wrapper around it that breaks one guarantee on purpose (see {@code kvlab.kv.broken}).
 */
public interface KvServer extends SimNode {
    /** The peer behind this server, for the checks. */
    KvPeer peer();

    /** The plain peer with default Raft options, never compacting: what every 2B scenario runs. */
    static NodeFactory<KvServer> standard() {
        return compacting(KvPeer.NO_COMPACTION);
    }

    /** The plain peer with default Raft options, compacting beyond {@code logLimit} applied entries (2C). */
    static NodeFactory<KvServer> compacting(long logLimit) {
        NodeFactory<KvPeer> peers = KvPeer.factory(RaftNodeOptions.defaults(), logLimit);
        return ctx -> new Plain(peers.create(ctx));
    }

    /** The peer itself, unchanged. */
    record Plain(KvPeer peer) implements KvServer {
        @Override
        public void onMessage(int from, Object message) {
            peer.onMessage(from, message);
        }

        @Override
        public void onTick() {
            peer.onTick();
        }
    }
}
