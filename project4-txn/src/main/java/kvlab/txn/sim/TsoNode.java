package kvlab.txn.sim;

import kvlab.harness.cluster.NodeContext;
import kvlab.harness.cluster.SimNode;
import kvlab.txn.mvcc.Timestamps;

/**
 * The timestamp oracle (Percolator §2.3, TiKV's TSO): answers every {@link Envelope.TimestampRequest}
 * with a timestamp whose physical part is the virtual time in milliseconds and whose logical part
 * counts within that millisecond, so that the timestamps it hands out strictly increase.
 * Not replicated and never crashed by the tests: it keeps its state in memory.
 */
public final class TsoNode implements SimNode {
    private final NodeContext context;
    /** The last timestamp handed out; every later one is larger. */
    private long last;

    /** An oracle bound to {@code context}. */
    public TsoNode(NodeContext context) {
        this.context = context;
    }

    @Override
    public void onMessage(int from, Object message) {
        if (message instanceof Envelope.Call call && call.body() instanceof Envelope.TimestampRequest) {
            context.send(from, new Envelope.Reply(call.id(), new Envelope.TimestampResponse(next())));
        }
    }

    @Override
    public void onTick() {
        // the oracle reads the clock when asked; nothing to do on a tick
    }

    private long next() {
        long now = Timestamps.compose(context.now(), 0);
        last = Math.max(now, last + 1);
        return last;
    }
}
