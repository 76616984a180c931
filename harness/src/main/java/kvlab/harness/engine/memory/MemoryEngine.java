package kvlab.harness.engine.memory;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.engine.ColumnFamilies;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.Modification;
import kvlab.harness.engine.WriteBatch;

/**
 * An in-memory {@link Engine} for simulations, durable exactly as far as its {@link SimDisk}:
 * every batch is appended to the log file {@value #LOG_FILE} before it is applied, and synced when
 * the batch asks for it ({@link WriteBatch#sync()}) or on {@link #sync()}. A new
 * {@code MemoryEngine} over the same log (a restarted node) replays the intact records and drops a
 * torn tail, so it holds every synced batch and possibly some later ones, each whole or not at all.
 *
 * <p>Keeps the whole contract of {@link Engine}; keys are ordered with
 * {@link Arrays#compareUnsigned(byte[], byte[])}. Readers share the family maps copy-on-write: the
 * first write to a family after a reader opened copies that family's map, so a reader costs nothing
 * to open and a write after it costs one copy of the family it changes. Deterministic and
 * single-threaded: no clock, threads or identity-hashed iteration.
 */
public final class MemoryEngine implements Engine {
    /** The name of the log file on the {@link SimDisk}. */
    public static final String LOG_FILE = "storage.log";

    private final SimDisk log;
    // Family name to its sorted map; a map named in sharedFamilies is also held by a reader and must
    // not be mutated, only replaced by a copy.
    private final Map<String, NavigableMap<byte[], byte[]>> families = new TreeMap<>();
    private final Set<String> sharedFamilies = new TreeSet<>();
    private boolean closed;

    /** Opens the storage over {@code log}, replaying what it holds and truncating a torn tail. */
    public MemoryEngine(SimDisk log) {
        this.log = log;
        for (String cf : ColumnFamilies.ALL) {
            families.put(cf, new TreeMap<>(Arrays::compareUnsigned));
        }
        recover();
    }

    private void recover() {
        byte[] bytes = log.read(LOG_FILE).orElse(new byte[0]);
        BatchLog.Recovered recovered = BatchLog.decode(bytes);
        if (recovered.intactLength() < bytes.length) {
            // Cut the torn tail off, or batches appended after it would be unreadable on the next replay.
            log.write(LOG_FILE, Arrays.copyOf(bytes, recovered.intactLength()));
            log.sync();
        }
        recovered.batches().forEach(this::apply);
    }

    /**
     * Logs {@code batch} (syncing if it asks), then applies it.
     *
     * @throws IllegalArgumentException if the batch names an unknown family; nothing is written
     * @throws IllegalStateException if the storage is closed; nothing is written
     */
    @Override
    public void write(WriteBatch batch) {
        requireOpen();
        batch.modifications().forEach(m -> ColumnFamilies.requireKnown(m.cf()));
        log.append(LOG_FILE, BatchLog.encode(batch));
        if (batch.sync()) {
            log.sync();
        }
        apply(batch);
    }

    /**
     * Makes every batch written so far durable.
     *
     * @throws IllegalStateException if the storage is closed
     */
    public void sync() {
        requireOpen();
        log.sync();
    }

    /**
     * Opens a reader on the current contents.
     *
     * @throws IllegalStateException if the storage is closed
     */
    @Override
    public EngineReader reader() {
        requireOpen();
        sharedFamilies.addAll(families.keySet());
        return new MemoryReader(this, new TreeMap<>(families));
    }

    /** Closes the storage; its readers and their iterators fail from now on. Nothing is synced. */
    @Override
    public void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    private void apply(WriteBatch batch) {
        for (Modification m : batch.modifications()) {
            NavigableMap<byte[], byte[]> map = writable(m.cf());
            if (m instanceof Modification.Put put) {
                map.put(put.key(), put.value());
            } else {
                map.remove(m.key()); // sealed: the other kind is Delete
            }
        }
    }

    private NavigableMap<byte[], byte[]> writable(String cf) {
        if (sharedFamilies.remove(cf)) {
            families.put(cf, new TreeMap<>(families.get(cf)));
        }
        return families.get(cf);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("storage is closed");
        }
    }
}
