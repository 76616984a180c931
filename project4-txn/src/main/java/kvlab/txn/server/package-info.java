/**
 * Projects 4B and 4C: the server side of Percolator (§2.2): the transactional commands Get, Prewrite
 * and Commit (4B), Scan and the lock-settling commands CheckTxnStatus, BatchRollback and ResolveLock
 * (4C), over the MVCC layer of {@link kvlab.txn.mvcc}, on any storage
 * {@link kvlab.harness.engine.Engine} (the in-memory one, or Project 1's on RocksDB).
 *
 * <p>Student files: {@link kvlab.txn.server.TxnCommands} (4B) and
 * {@link kvlab.txn.server.ScanAndResolveCommands} (4C). Provided: the request and response records,
 * the {@link kvlab.txn.server.Mutation}s a prewrite carries, the {@link kvlab.txn.server.KeyError}s a
 * command answers with, and {@link kvlab.txn.server.Latches}.
 */
package kvlab.txn.server;
