/**
 * Provided machinery that runs Project 4 under simulation: a timestamp oracle ({@link
 * kvlab.txn.sim.TsoNode}), a transactional server ({@link kvlab.txn.sim.TxnServerNode}) and a client
 * node ({@link kvlab.txn.sim.TxnClientNode}) that gives a {@link kvlab.txn.sim.Transaction} its
 * {@link kvlab.txn.sim.TxnContext}: calls that are resent until answered, timestamps and timers.
 * The student's Percolator client ({@code kvlab.txn.client.PercolatorTxn}) implements
 * {@link kvlab.txn.sim.Transaction} on top of that context.
 */
package kvlab.txn.sim;
