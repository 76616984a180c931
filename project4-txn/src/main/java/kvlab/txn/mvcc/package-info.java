/**
 * Project 4A (and the scanner of 4C): multi-version concurrency control over the three column
 * families of the storage engine ({@link kvlab.harness.engine.ColumnFamilies}), the layer
 * Percolator's commands (Projects 4B, 4C) are written in.
 *
 * <p>Layout (Percolator §2.2, with TiKV's family names):
 * <ul>
 *   <li>{@code lock}: user key → {@link kvlab.txn.mvcc.Lock}, at most one per key;
 *   <li>{@code default}: {@link kvlab.txn.mvcc.KeyCodec#encode encode(key, startTs)} → the value a
 *       transaction wrote;
 *   <li>{@code write}: {@code encode(key, commitTs)} → {@link kvlab.txn.mvcc.Write} (the start
 *       timestamp of the committed or rolled-back transaction, and its kind).
 * </ul>
 *
 * <p>Student files: {@link kvlab.txn.mvcc.KeyCodec} and {@link kvlab.txn.mvcc.MvccTxn} (4A),
 * {@link kvlab.txn.mvcc.Scanner} (4C). Provided: the records {@link kvlab.txn.mvcc.Lock},
 * {@link kvlab.txn.mvcc.Write}, {@link kvlab.txn.mvcc.WriteRecord}, the enum
 * {@link kvlab.txn.mvcc.WriteKind}, {@link kvlab.txn.mvcc.Timestamps} and
 * {@link kvlab.txn.mvcc.Bytes}.
 */
package kvlab.txn.mvcc;
