package kvlab.harness.engine.memory;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import kvlab.harness.engine.ColumnFamilies;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;

/** A reader of {@link MemoryEngine} over family maps that the storage no longer mutates. */
final class MemoryReader implements EngineReader {
    private final MemoryEngine storage;
    private final Map<String, NavigableMap<byte[], byte[]>> snapshot;
    private boolean closed;

    MemoryReader(MemoryEngine storage, Map<String, NavigableMap<byte[], byte[]>> snapshot) {
        this.storage = storage;
        this.snapshot = snapshot;
    }

    @Override
    public Optional<byte[]> get(String cf, byte[] key) {
        requireOpen();
        return Optional.ofNullable(family(cf).get(key)).map(byte[]::clone);
    }

    @Override
    public EngineIterator iterator(String cf) {
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
