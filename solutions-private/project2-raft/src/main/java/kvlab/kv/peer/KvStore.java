package kvlab.kv.peer;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.engine.ColumnFamilies;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;
import kvlab.harness.engine.memory.MemoryEngine;
import kvlab.kv.Command;
import kvlab.kv.Op;
import kvlab.kv.StoreSnapshot;
import kvlab.raft.Entry;
import kvlab.raft.EntryType;

/**
 * The replicated state machine of one peer: the user's keys and values, the index of the last applied
 * Raft entry, and the de-duplication table (each client's last applied sequence number), all in one
 * provided {@link MemoryEngine} on the node's simulated disk.
 *
 * <p>Contract:
 * <ol>
 *   <li>{@link #apply} takes the committed entries in index order, each exactly once per incarnation,
 *       starting right after {@link #appliedIndex()}.
 *   <li>Each entry's effects, the new applied index and the de-duplication update go to the storage in
 *       <b>one</b> write batch, so a crash keeps all of them or none: after a restart the store's
 *       applied index says exactly which entries it must be given again. The batch need not be synced:
 *       the entries are durable in the Raft log, and a restart re-applies what the store lost.
 *   <li>A write whose {@code seq} is at or below its client's last applied one is a retry of a command
 *       already applied: it changes nothing (exactly-once). GETs read the current value.
 *   <li>Project 2C: {@link #snapshot} captures the whole state — data, de-duplication table AND applied
 *       index — and {@link #restore} replaces the whole state by one, in one write batch. A snapshot
 *       without the de-duplication table would let a retry that reaches a restored peer apply twice.
 * </ol>
 *
 * <p>Layout in family {@code default}: {@code d/<key>} holds a user value, {@code c/<client id>} a
 * client's last applied sequence number, and {@code m/applied} the applied index.
 */
public final class KvStore {
    private static final String CF = ColumnFamilies.DEFAULT;
    private static final byte[] APPLIED_KEY = "m/applied".getBytes(UTF_8);

    private final MemoryEngine storage;
    /** Equals the index stored under {@code m/applied}; 0 before the first entry. */
    private long applied;

    /** Opens (or, after a crash, recovers) the store kept on {@code disk}. */
    public KvStore(SimDisk disk) {
        this.storage = new MemoryEngine(Objects.requireNonNull(disk, "disk"));
        this.applied = read(APPLIED_KEY).map(KvStore::toLong).orElse(0L);
    }

    /** The index of the last entry applied (and written with its effects); 0 if none. */
    public long appliedIndex() {
        return applied;
    }

    /** The value of user key {@code key}, if present. */
    public Optional<String> get(String key) {
        return read(dataKey(key)).map(v -> new String(v, UTF_8));
    }

    /** The last sequence number of {@code clientId} that took effect, 0 if none. */
    public long lastSeq(int clientId) {
        return read(clientKey(clientId)).map(KvStore::toLong).orElse(0L);
    }

    /**
     * Applies committed entry {@code entry} (see the class contract). Entries that carry no command (the
     * empty entry of a new leader, configuration changes) only move the applied index.
     *
     * @return for a GET the value it read ({@code null} = absent); {@code null} for anything else
     * @throws IllegalStateException if {@code entry} is not the one right after {@link #appliedIndex()}
     */
    public String apply(Entry entry) {
        if (entry.index() != applied + 1) {
            throw new IllegalStateException("apply got entry " + entry.index() + " but the store has applied up to "
                    + applied + ": committed entries must be applied in order, each exactly once");
        }
        WriteBatch.Builder batch = WriteBatch.builder();
        String result = null;
        if (entry.type() == EntryType.NORMAL && entry.dataLength() > 0) {
            result = execute(Command.decode(entry.data()), batch);
        }
        batch.put(CF, APPLIED_KEY, toBytes(entry.index()));
        storage.write(batch.build());
        applied = entry.index();
        return result;
    }

    /** Adds {@code c}'s effects to {@code batch} unless it is a retry; returns what a GET read. */
    private String execute(Command c, WriteBatch.Builder batch) {
        if (c.op() == Op.GET) {
            return get(c.key()).orElse(null);
        }
        if (c.seq() <= lastSeq(c.clientId())) {
            return null;
        }
        switch (c.op()) {
            case PUT -> batch.put(CF, dataKey(c.key()), c.value().getBytes(UTF_8));
            case APPEND -> batch.put(CF, dataKey(c.key()), (get(c.key()).orElse("") + c.value()).getBytes(UTF_8));
            case DELETE -> batch.delete(CF, dataKey(c.key()));
            case GET -> throw new IllegalStateException("GET handled above");
        }
        batch.put(CF, clientKey(c.clientId()), toBytes(c.seq()));
        return null;
    }

    /**
     * The store's whole state, for a Raft snapshot (Project 2C): every pair of family {@code default}
     * ({@code d/}, {@code c/} and {@code m/applied} keys), encoded by {@link StoreSnapshot}.
     */
    public byte[] snapshot() {
        NavigableMap<byte[], byte[]> pairs = StoreSnapshot.newPairs();
        try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(CF)) {
            for (it.seek(new byte[0]); it.valid(); it.next()) {
                pairs.put(it.key(), it.value());
            }
        }
        return StoreSnapshot.encode(pairs);
    }

    /**
     * Replaces the whole state by {@code data}, a {@link #snapshot()} of some peer's store (Project 2C):
     * keys it does not hold are deleted, and {@link #appliedIndex()} becomes the snapshot's, all in one
     * write batch.
     *
     * @throws IllegalArgumentException if {@code data} is not a snapshot or holds no applied index
     */
    public void restore(byte[] data) {
        NavigableMap<byte[], byte[]> pairs = StoreSnapshot.decode(data);
        byte[] snapshotApplied = pairs.get(APPLIED_KEY);
        if (snapshotApplied == null) {
            throw new IllegalArgumentException("a store snapshot without " + new String(APPLIED_KEY, UTF_8));
        }
        WriteBatch.Builder batch = WriteBatch.builder();
        try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(CF)) {
            for (it.seek(new byte[0]); it.valid(); it.next()) {
                if (!pairs.containsKey(it.key())) {
                    batch.delete(CF, it.key());
                }
            }
        }
        pairs.forEach((key, value) -> batch.put(CF, key, value));
        storage.write(batch.build());
        applied = toLong(snapshotApplied);
    }

    private Optional<byte[]> read(byte[] key) {
        try (EngineReader reader = storage.reader()) {
            return reader.get(CF, key);
        }
    }

    private static byte[] dataKey(String key) {
        return ("d/" + key).getBytes(UTF_8);
    }

    private static byte[] clientKey(int clientId) {
        return ("c/" + clientId).getBytes(UTF_8);
    }

    private static byte[] toBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static long toLong(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }
}
