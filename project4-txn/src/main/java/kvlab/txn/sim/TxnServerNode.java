package kvlab.txn.sim;

import java.util.Optional;
import kvlab.harness.cluster.NodeContext;
import kvlab.harness.cluster.SimNode;
import kvlab.txn.server.BatchRollbackRequest;
import kvlab.txn.server.CheckTxnStatusRequest;
import kvlab.txn.server.CommitRequest;
import kvlab.txn.server.GetRequest;
import kvlab.txn.server.LatchBusyException;
import kvlab.txn.server.PrewriteRequest;
import kvlab.txn.server.ResolveLockRequest;
import kvlab.txn.server.ScanRequest;

/**
 * A transactional key-value server: runs every {@link Envelope.Call} it receives through a
 * {@link TxnService} and replies with the answer under the call's id. A command that meets a busy
 * latch gets no answer: the caller resends it ({@link TxnClientNode}), which is retrying later.
 * Every command is idempotent, so duplicated and resent calls are harmless.
 */
public final class TxnServerNode implements SimNode {
    private final NodeContext context;
    private final TxnService service;

    /** A server bound to {@code context}, serving {@code service}. */
    public TxnServerNode(NodeContext context, TxnService service) {
        this.context = context;
        this.service = service;
    }

    @Override
    public void onMessage(int from, Object message) {
        if (message instanceof Envelope.Call call) {
            try {
                dispatch(call.body()).ifPresent(answer -> context.send(from, new Envelope.Reply(call.id(), answer)));
            } catch (LatchBusyException e) {
                context.trace("busy latch, call " + call.id() + " from " + from + " left unanswered: " + e.getMessage());
            }
        }
    }

    @Override
    public void onTick() {
        // the server only reacts to requests
    }

    private Optional<Object> dispatch(Object body) {
        if (body instanceof GetRequest r) {
            return Optional.of(service.get(r));
        } else if (body instanceof PrewriteRequest r) {
            return Optional.of(service.prewrite(r));
        } else if (body instanceof CommitRequest r) {
            return Optional.of(service.commit(r));
        } else if (body instanceof ScanRequest r) {
            return Optional.of(service.scan(r));
        } else if (body instanceof CheckTxnStatusRequest r) {
            return Optional.of(service.checkTxnStatus(r));
        } else if (body instanceof BatchRollbackRequest r) {
            return Optional.of(service.batchRollback(r));
        } else if (body instanceof ResolveLockRequest r) {
            return Optional.of(service.resolveLock(r));
        }
        context.trace("unknown request ignored: " + body);
        return Optional.empty();
    }
}
