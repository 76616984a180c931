package kvlab.standalone.rocksdb;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import kvlab.harness.engine.EngineException;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * The {@link EngineReader} of {@link StandaloneStorage}: every get and every iterator reads through
 * one RocksDB snapshot, taken when the reader was opened, so later writes are invisible to it.
 *
 * <p>Native resources: the snapshot must be released and the {@code ReadOptions} and every
 * {@code RocksIterator} closed when the reader closes ({@link StandaloneStorage#liveSnapshots()} and
 * {@link StandaloneStorage#pinnedVersions()} let the tests see a leak).
 */
final class StandaloneReader implements EngineReader {
    private final StandaloneStorage storage;
    private final RocksDB db;
    private final Snapshot snapshot;
    private final ReadOptions readOptions;
    // Iterators not closed yet: close() closes them before releasing what they read through.
    private final List<SnapshotIterator> openIterators = new ArrayList<>();
    private boolean closed;

    StandaloneReader(StandaloneStorage storage, RocksDB db) {
        this.storage = storage;
        this.db = db;
        this.snapshot = db.getSnapshot();
        this.readOptions = new ReadOptions().setSnapshot(snapshot);
    }

    /**
     * The value of {@code key} in family {@code cf} as of this reader's snapshot.
     *
     * @throws IllegalArgumentException if {@code cf} is not a known family
     * @throws IllegalStateException if this reader (or its storage) is closed
     */
    @Override
    public Optional<byte[]> get(String cf, byte[] key) {
        requireOpen();
        try {
            return Optional.ofNullable(db.get(storage.handle(cf), readOptions, key));
        } catch (RocksDBException e) {
            throw new EngineException("get failed", e);
        }
    }

    /**
     * An iterator over family {@code cf} as of this reader's snapshot, not yet positioned.
     *
     * @throws IllegalArgumentException if {@code cf} is not a known family
     * @throws IllegalStateException if this reader (or its storage) is closed
     */
    @Override
    public EngineIterator iterator(String cf) {
        requireOpen();
        SnapshotIterator iterator = new SnapshotIterator(db.newIterator(storage.handle(cf), readOptions));
        openIterators.add(iterator);
        return iterator;
    }

    /** Closes the open iterators, then releases the snapshot and the read options. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SnapshotIterator iterator : List.copyOf(openIterators)) {
            iterator.close();
        }
        db.releaseSnapshot(snapshot);
        readOptions.close();
        storage.forget(this);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
    }

    /** An {@link EngineIterator} over one RocksDB iterator; see that interface for the protocol. */
    private final class SnapshotIterator implements EngineIterator {
        private final RocksIterator rocks;
        private boolean iteratorClosed;

        SnapshotIterator(RocksIterator rocks) {
            this.rocks = rocks;
        }

        @Override
        public void seek(byte[] key) {
            requireIteratorOpen();
            rocks.seek(key);
        }

        @Override
        public boolean valid() {
            requireIteratorOpen();
            if (rocks.isValid()) {
                return true;
            }
            checkStatus(); // RocksDB reports a read error as "not valid" plus a status.
            return false;
        }

        @Override
        public void next() {
            requireValid();
            rocks.next();
        }

        @Override
        public byte[] key() {
            requireValid();
            return rocks.key();
        }

        @Override
        public byte[] value() {
            requireValid();
            return rocks.value();
        }

        @Override
        public void close() {
            if (iteratorClosed) {
                return;
            }
            iteratorClosed = true;
            rocks.close();
            openIterators.remove(this);
        }

        private void requireIteratorOpen() {
            if (iteratorClosed) {
                throw new IllegalStateException(closed ? "reader is closed" : "iterator is closed");
            }
        }

        private void requireValid() {
            if (!valid()) {
                throw new NoSuchElementException("iterator is not positioned at an entry: check valid() first");
            }
        }

        private void checkStatus() {
            try {
                rocks.status();
            } catch (RocksDBException e) {
                throw new EngineException("iteration failed", e);
            }
        }
    }
}
