package kvlab.standalone.memory;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import kvlab.standalone.storage.ColumnFamilies;
import kvlab.standalone.storage.StorageIterator;
import kvlab.standalone.storage.StorageReader;

/** A reader of {@link MemoryStorage} over family maps that the storage no longer mutates. */
final class MemoryReader implements StorageReader {
    private final MemoryStorage storage;
    private final Map<String, NavigableMap<byte[], byte[]>> snapshot;
    private boolean closed;

    MemoryReader(MemoryStorage storage, Map<String, NavigableMap<byte[], byte[]>> snapshot) {
        this.storage = storage;
        this.snapshot = snapshot;
    }

    @Override
    public Optional<byte[]> get(String cf, byte[] key) {
        requireOpen();
        return Optional.ofNullable(family(cf).get(key)).map(byte[]::clone);
    }

    @Override
    public StorageIterator iterator(String cf) {
        requireOpen();
        return new MemoryIterator(this, family(cf));
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Fails unless this reader and its storage are open; iterators check it on every call. */
    void requireOpen() {
        if (storage.isClosed()) {
            throw new IllegalStateException("storage is closed");
        }
        if (closed) {
            throw new IllegalStateException("reader is closed");
        }
    }

    private NavigableMap<byte[], byte[]> family(String cf) {
        return snapshot.get(ColumnFamilies.requireKnown(cf));
    }
}
