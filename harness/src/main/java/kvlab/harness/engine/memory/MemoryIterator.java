package kvlab.harness.engine.memory;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import kvlab.harness.engine.EngineIterator;

/** An iterator of {@link MemoryReader} over one family map of its snapshot. */
final class MemoryIterator implements EngineIterator {
    private final MemoryReader reader;
    private final NavigableMap<byte[], byte[]> family;
    private Iterator<Map.Entry<byte[], byte[]>> cursor;
    // The entry the iterator is positioned at; null before the first seek and after the last key.
    private Map.Entry<byte[], byte[]> current;
    private boolean closed;

    MemoryIterator(MemoryReader reader, NavigableMap<byte[], byte[]> family) {
        this.reader = reader;
        this.family = family;
    }

    @Override
    public void seek(byte[] key) {
        requireOpen();
        cursor = family.tailMap(key, true).entrySet().iterator();
        advance();
    }

    @Override
    public boolean valid() {
        requireOpen();
        return current != null;
    }

    @Override
    public void next() {
        requireValid();
        advance();
    }

    @Override
    public byte[] key() {
        requireValid();
        return current.getKey().clone();
    }

    @Override
    public byte[] value() {
        requireValid();
        return current.getValue().clone();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void advance() {
        current = cursor.hasNext() ? cursor.next() : null;
    }

    private void requireOpen() {
        reader.requireOpen();
        if (closed) {
            throw new IllegalStateException("iterator is closed");
        }
    }

    private void requireValid() {
        if (!valid()) {
            throw new NoSuchElementException("iterator is not positioned at an entry: check valid() first");
        }
    }
}
