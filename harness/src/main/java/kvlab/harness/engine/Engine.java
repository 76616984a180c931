package kvlab.harness.engine;

/**
 * A storage engine: a key/value store with the column families of {@link ColumnFamilies}, atomic
 * write batches, and readers that see a consistent snapshot. Two engines implement it: the
 * RocksDB-backed {@code kvlab.standalone.rocksdb.StandaloneStorage} that Project 1 builds, and the
 * provided in-memory {@link kvlab.harness.engine.memory.MemoryEngine} that the simulated stores of
 * Projects 2 and 4 keep their data in. Not to be confused with {@code kvlab.raft.Storage}, which
 * holds a Raft log.
 *
 * <p>The contract every implementation keeps, and the graded tests check:
 *
 * <ol>
 *   <li><b>Families.</b> Every operation names a family. A name outside {@link ColumnFamilies#ALL}
 *       fails with {@link IllegalArgumentException} naming the known families
 *       ({@link ColumnFamilies#requireKnown}). Families are separate key spaces.
 *   <li><b>Order.</b> Keys order as unsigned bytes, lexicographically, a shorter key before its
 *       extensions ({@link java.util.Arrays#compareUnsigned(byte[], byte[])}): {@code 0x7f} sorts
 *       BEFORE {@code 0x80}.
 *   <li><b>Atomic writes.</b> {@link #write} applies a whole batch or nothing: every family name is
 *       checked BEFORE anything is written, so a batch naming an unknown family leaves the storage
 *       unchanged. A batch with {@link WriteBatch#sync()} set is durable when {@code write} returns.
 *   <li><b>Snapshots.</b> A reader sees the storage exactly as it was when {@link #reader()} returned,
 *       for all families, whatever is written afterwards, until the reader is closed.
 *   <li><b>Bytes.</b> Arrays returned to the caller are fresh copies the caller owns. Arrays passed in
 *       may be reused by the caller once the call returns ({@link WriteBatch} copies them anyway).
 *   <li><b>Closing.</b> Readers and iterators hold resources (native ones, for RocksDB) until they are
 *       closed: close each one, preferably with try-with-resources. Closing a reader closes the
 *       iterators it opened; closing the storage closes its open readers. {@code close()} is
 *       idempotent. Any other call on a closed storage, reader or iterator fails with
 *       {@link IllegalStateException} saying what was closed.
 *   <li><b>Threads.</b> Not thread-safe: use a storage, its readers and their iterators from one
 *       thread (simulations are single-threaded).
 * </ol>
 */
public interface Engine extends AutoCloseable {
    /**
     * Applies {@code batch} atomically (rule 3).
     *
     * @throws IllegalArgumentException if the batch names an unknown family; nothing is written
     * @throws IllegalStateException if the storage is closed; nothing is written
     */
    void write(WriteBatch batch);

    /**
     * Opens a reader on a snapshot of the current contents (rule 4). The caller must close it.
     *
     * @throws IllegalStateException if the storage is closed
     */
    EngineReader reader();

    /** Closes open readers, then releases the storage's resources; a second call does nothing. */
    @Override
    void close();
}
