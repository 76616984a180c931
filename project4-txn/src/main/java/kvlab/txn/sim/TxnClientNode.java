package kvlab.txn.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import kvlab.harness.cluster.NodeContext;
import kvlab.harness.cluster.SimNode;

/**
 * A client node: the {@link TxnContext} of the transactions a test runs on it. It numbers every call,
 * resends it until answered, and hands each answer once to its callback. It keeps nothing on disk:
 * a crashed client loses its transactions, whose locks other clients must then resolve.
 */
public final class TxnClientNode implements SimNode, TxnContext {
    /** Virtual milliseconds between resends of an unanswered call. */
    public static final long RESEND_MS = 100;

    private final NodeContext context;
    private final int server;
    private final int oracle;
    /** Calls sent and not yet answered, by id (ids increase, so resends go out in call order). */
    private final Map<Long, Pending> pending = new TreeMap<>();
    private long nextId = 1;

    /** A client bound to {@code context} that talks to node {@code server} and node {@code oracle}. */
    public TxnClientNode(NodeContext context, int server, int oracle) {
        this.context = context;
        this.server = server;
        this.oracle = oracle;
    }

    @Override
    public void call(Object request, Consumer<Object> onAnswer) {
        send(server, request, onAnswer);
    }

    @Override
    public void timestamp(LongConsumer onTimestamp) {
        send(oracle, new Envelope.TimestampRequest(),
                answer -> onTimestamp.accept(((Envelope.TimestampResponse) answer).ts()));
    }

    @Override
    public void after(long delayMs, String label, Runnable action) {
        context.schedule(delayMs, label, action);
    }

    @Override
    public void trace(String detail) {
        context.trace(detail);
    }

    @Override
    public void onMessage(int from, Object message) {
        if (message instanceof Envelope.Reply reply) {
            Pending call = pending.remove(reply.id());
            if (call != null) {
                call.onAnswer.accept(reply.body());
            }
        }
    }

    @Override
    public void onTick() {
        // resends run on their own timers
    }

    private void send(int to, Object request, Consumer<Object> onAnswer) {
        long id = nextId++;
        pending.put(id, new Pending(to, new Envelope.Call(id, request), onAnswer));
        transmit(id);
    }

    private void transmit(long id) {
        Pending call = pending.get(id);
        if (call != null) {
            context.send(call.to, call.envelope);
            context.schedule(RESEND_MS, "resend call " + id, () -> transmit(id));
        }
    }

    private record Pending(int to, Envelope.Call envelope, Consumer<Object> onAnswer) {}
}
