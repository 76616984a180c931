package kvlab.txn.sim;

import kvlab.harness.engine.Engine;
import kvlab.txn.server.BatchRollbackRequest;
import kvlab.txn.server.BatchRollbackResponse;
import kvlab.txn.server.CheckTxnStatusRequest;
import kvlab.txn.server.CheckTxnStatusResponse;
import kvlab.txn.server.CommitRequest;
import kvlab.txn.server.CommitResponse;
import kvlab.txn.server.GetRequest;
import kvlab.txn.server.GetResponse;
import kvlab.txn.server.Latches;
import kvlab.txn.server.PrewriteRequest;
import kvlab.txn.server.PrewriteResponse;
import kvlab.txn.server.ResolveLockRequest;
import kvlab.txn.server.ResolveLockResponse;
import kvlab.txn.server.ScanAndResolveCommands;
import kvlab.txn.server.ScanRequest;
import kvlab.txn.server.ScanResponse;
import kvlab.txn.server.TxnCommands;

/**
 * The commands a {@link TxnServerNode} serves. {@link #over} gives the real ones (Project 4B and 4C);
 * tests may wrap them to break one command on purpose. Same threading contract as the commands: one
 * call at a time.
 */
public interface TxnService {
    GetResponse get(GetRequest request);

    PrewriteResponse prewrite(PrewriteRequest request);

    CommitResponse commit(CommitRequest request);

    ScanResponse scan(ScanRequest request);

    CheckTxnStatusResponse checkTxnStatus(CheckTxnStatusRequest request);

    BatchRollbackResponse batchRollback(BatchRollbackRequest request);

    ResolveLockResponse resolveLock(ResolveLockRequest request);

    /** {@link TxnCommands} and {@link ScanAndResolveCommands} over {@code storage} and {@code latches}. */
    static TxnService over(Engine storage, Latches latches) {
        TxnCommands commands = new TxnCommands(storage, latches);
        ScanAndResolveCommands more = new ScanAndResolveCommands(storage, latches);
        return new TxnService() {
            @Override
            public GetResponse get(GetRequest request) {
                return commands.get(request);
            }

            @Override
            public PrewriteResponse prewrite(PrewriteRequest request) {
                return commands.prewrite(request);
            }

            @Override
            public CommitResponse commit(CommitRequest request) {
                return commands.commit(request);
            }

            @Override
            public ScanResponse scan(ScanRequest request) {
                return more.scan(request);
            }

            @Override
            public CheckTxnStatusResponse checkTxnStatus(CheckTxnStatusRequest request) {
                return more.checkTxnStatus(request);
            }

            @Override
            public BatchRollbackResponse batchRollback(BatchRollbackRequest request) {
                return more.batchRollback(request);
            }

            @Override
            public ResolveLockResponse resolveLock(ResolveLockRequest request) {
                return more.resolveLock(request);
            }
        };
    }
}
