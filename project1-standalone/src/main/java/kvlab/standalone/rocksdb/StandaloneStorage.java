package kvlab.standalone.rocksdb;

import java.nio.file.Path;
import kvlab.harness.engine.ColumnFamilies;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineException;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * An {@link Engine} on RocksDB: one RocksDB column family per {@link ColumnFamilies} family, in a
 * data directory, so that the data survives {@link #close()} and a new {@code StandaloneStorage} over
 * the same directory. Keeps the whole contract of {@link Engine}; RocksDB's default comparator
 * already orders keys as unsigned bytes.
 *
 * <p>Native resources: every RocksDB object this class or its readers create ({@code DBOptions},
 * {@code ColumnFamilyOptions}, handles, {@code WriteBatch}, {@code WriteOptions}, {@code ReadOptions},
 * snapshots, iterators) must be closed or released, or it leaks outside the Java heap. The queries
 * in the "interface for tests" section let the tests count leaked snapshots and iterators.
 */
public final class StandaloneStorage implements Engine {
    // The one field the provided query methods below read; set it when the database is open.
    private final RocksDB db;

    /**
     * Opens (creating if needed) the storage in {@code directory}, with the families of
     * {@link ColumnFamilies#ALL}; a directory written by an earlier instance is read back.
     *
     * @throws EngineException if RocksDB cannot open the directory
     */
    public StandaloneStorage(Path directory) {
        // TODO(1): create the directory, then open RocksDB in it with one column family per name in
        // ColumnFamilies.ALL ("default" is RocksDB's own default family), creating missing ones;
        // keep the handles. Checked by StandaloneStorageTest#putThenGetReturnsTheValue.
        throw new UnsupportedOperationException("not implemented: TODO(1) StandaloneStorage.<init>");
    }

    /**
     * Applies {@code batch} atomically, through one RocksDB write batch; fsyncs first if the batch
     * asks for {@link WriteBatch#sync()}.
     *
     * @throws IllegalArgumentException if the batch names an unknown family; nothing is written
     * @throws IllegalStateException if the storage is closed; nothing is written
     */
    @Override
    public void write(WriteBatch batch) {
        // TODO(1): check every family name BEFORE writing anything, then apply all modifications in one
        // org.rocksdb.WriteBatch with WriteOptions.setSync(batch.sync()); close both. Checked by
        // StandaloneStorageTest#batchIsAtomicWhenAFamilyIsUnknown.
        throw new UnsupportedOperationException("not implemented: TODO(1) StandaloneStorage.write");
    }

    /**
     * Opens a reader on a RocksDB snapshot taken now; it reads every family through that snapshot.
     *
     * @throws IllegalStateException if the storage is closed
     */
    @Override
    public EngineReader reader() {
        // TODO(1): return a StandaloneReader over a RocksDB snapshot taken now (give StandaloneReader
        // the constructor and fields it needs), and remember it until it closes. Checked by
        // StandaloneReaderTest#readerSeesTheSnapshotInGet.
        throw new UnsupportedOperationException("not implemented: TODO(1) StandaloneStorage.reader");
    }

    /** Closes the open readers, the family handles, the database and its options, in that order. */
    @Override
    public void close() {
        // TODO(1): close the open readers first, then the column family handles, the database and the
        // options; a second close does nothing. Checked by
        // StandaloneClosingTest#closingTheStorageClosesItsReaders.
        throw new UnsupportedOperationException("not implemented: TODO(1) StandaloneStorage.close");
    }

    // ---- provided: the interface for tests, do not change. -------------------------------------

    /**
     * How many RocksDB snapshots are alive (RocksDB's {@code rocksdb.num-snapshots}). Every reader
     * holds one until it is closed, so with no reader open this is 0.
     *
     * @throws IllegalStateException if the storage is closed
     */
    public long liveSnapshots() {
        return longProperty("rocksdb.num-snapshots");
    }

    /**
     * Flushes the {@code default} family's memtable to disk, then returns how many superseded
     * versions of that family are still alive ({@code rocksdb.num-live-versions} minus the current
     * one). An open RocksDB iterator pins the version it started on, so after a write to
     * {@code default} and with every iterator closed, this is 0.
     *
     * @throws IllegalStateException if the storage is closed
     */
    public long pinnedVersions() {
        requireDatabaseOpen();
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        } catch (RocksDBException e) {
            throw new EngineException("flush failed", e);
        }
        return longProperty("rocksdb.num-live-versions") - 1;
    }

    private long longProperty(String name) {
        requireDatabaseOpen();
        try {
            return db.getLongProperty(name);
        } catch (RocksDBException e) {
            throw new EngineException("cannot read property " + name, e);
        }
    }

    private void requireDatabaseOpen() {
        if (!db.isOwningHandle()) {
            throw new IllegalStateException("storage is closed");
        }
    }

    // ---- end of provided ----
}
