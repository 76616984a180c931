package kvlab.standalone.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kvlab.harness.engine.ColumnFamilies;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineException;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.Modification;
import kvlab.harness.engine.WriteBatch;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

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
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions familyOptions;
    // Family name to handle, in ColumnFamilies.ALL order.
    private final Map<String, ColumnFamilyHandle> handles = new LinkedHashMap<>();
    // Readers not closed yet: close() must close them before the database they point into.
    private final List<StandaloneReader> openReaders = new ArrayList<>();
    private boolean closed;

    /**
     * Opens (creating if needed) the storage in {@code directory}, with the families of
     * {@link ColumnFamilies#ALL}; a directory written by an earlier instance is read back.
     *
     * @throws EngineException if RocksDB cannot open the directory
     */
    public StandaloneStorage(Path directory) {
        createDirectories(directory);
        dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        familyOptions = new ColumnFamilyOptions();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String cf : ColumnFamilies.ALL) {
            descriptors.add(new ColumnFamilyDescriptor(cf.getBytes(StandardCharsets.UTF_8), familyOptions));
        }
        List<ColumnFamilyHandle> opened = new ArrayList<>();
        try {
            db = RocksDB.open(dbOptions, directory.toString(), descriptors, opened);
        } catch (RocksDBException e) {
            familyOptions.close();
            dbOptions.close();
            throw new EngineException("cannot open RocksDB in " + directory, e);
        }
        for (int i = 0; i < descriptors.size(); i++) {
            handles.put(ColumnFamilies.ALL.get(i), opened.get(i));
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
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
        requireOpen();
        try (org.rocksdb.WriteBatch rocksBatch = new org.rocksdb.WriteBatch();
                WriteOptions options = new WriteOptions().setSync(batch.sync())) {
            // handle() throws on an unknown family while nothing has reached the database yet.
            for (Modification m : batch.modifications()) {
                if (m instanceof Modification.Put put) {
                    rocksBatch.put(handle(put.cf()), put.key(), put.value());
                } else {
                    rocksBatch.delete(handle(m.cf()), m.key()); // sealed: the other kind is Delete
                }
            }
            db.write(options, rocksBatch);
        } catch (RocksDBException e) {
            throw new EngineException("write failed", e);
        }
    }

    /**
     * Opens a reader on a RocksDB snapshot taken now; it reads every family through that snapshot.
     *
     * @throws IllegalStateException if the storage is closed
     */
    @Override
    public EngineReader reader() {
        requireOpen();
        StandaloneReader reader = new StandaloneReader(this, db);
        openReaders.add(reader);
        return reader;
    }

    /** Closes the open readers, the family handles, the database and its options, in that order. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (StandaloneReader reader : List.copyOf(openReaders)) {
            reader.close();
        }
        handles.values().forEach(ColumnFamilyHandle::close);
        db.close();
        familyOptions.close();
        dbOptions.close();
    }

    /** The handle of family {@code cf}; throws IllegalArgumentException for an unknown family. */
    ColumnFamilyHandle handle(String cf) {
        return handles.get(ColumnFamilies.requireKnown(cf));
    }

    /** Called by a reader when it closes, so that {@link #close()} does not close it again. */
    void forget(StandaloneReader reader) {
        openReaders.remove(reader);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("storage is closed");
        }
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
