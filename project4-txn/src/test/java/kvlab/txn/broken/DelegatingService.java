package kvlab.txn.broken;

import kvlab.txn.server.BatchRollbackRequest;
import kvlab.txn.server.BatchRollbackResponse;
import kvlab.txn.server.CheckTxnStatusRequest;
import kvlab.txn.server.CheckTxnStatusResponse;
import kvlab.txn.server.CommitRequest;
import kvlab.txn.server.CommitResponse;
import kvlab.txn.server.GetRequest;
import kvlab.txn.server.GetResponse;
import kvlab.txn.server.PrewriteRequest;
import kvlab.txn.server.PrewriteResponse;
import kvlab.txn.server.ResolveLockRequest;
import kvlab.txn.server.ResolveLockResponse;
import kvlab.txn.server.ScanRequest;
import kvlab.txn.server.ScanResponse;
import kvlab.txn.sim.TxnService;

/** Forwards every command to the real service; a broken variant overrides the one it breaks. */
class DelegatingService implements TxnService {
    private final TxnService real;

    DelegatingService(TxnService real) {
        this.real = real;
    }

    @Override
    public GetResponse get(GetRequest request) {
        return real.get(request);
    }

    @Override
    public PrewriteResponse prewrite(PrewriteRequest request) {
        return real.prewrite(request);
    }

    @Override
    public CommitResponse commit(CommitRequest request) {
        return real.commit(request);
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        return real.scan(request);
    }

    @Override
    public CheckTxnStatusResponse checkTxnStatus(CheckTxnStatusRequest request) {
        return real.checkTxnStatus(request);
    }

    @Override
    public BatchRollbackResponse batchRollback(BatchRollbackRequest request) {
        return real.batchRollback(request);
    }

    @Override
    public ResolveLockResponse resolveLock(ResolveLockRequest request) {
        return real.resolveLock(request);
    }
}
