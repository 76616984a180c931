package kvlab.raft.sim;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import kvlab.harness.disk.SimDisk;
import kvlab.raft.ConfState;
import kvlab.raft.Entry;
import kvlab.raft.EntryType;
import kvlab.raft.HardState;
import kvlab.raft.Snapshot;
import kvlab.raft.SnapshotMetadata;

/**
 * A node's durable Raft state on its {@link SimDisk}: an append-only file of records, each a run of
 * log entries, a hard state, or a base (a snapshot with the hard state and log tail that follow it).
 * Provided code: students do not edit it.
 *
 * <p>Contract:
 * <ol>
 *   <li>{@link #append} and {@link #saveHardState} only write; {@link #sync} makes everything
 *       written so far durable. The application loop syncs once per {@code Ready}, before sending.
 *   <li>Replaying the file ({@link #load}) rebuilds the log the way storage would: a run of entries
 *       starting at index {@code i} drops every entry at {@code i} or later, then appends (a leader
 *       overwrote a conflicting suffix); the last hard state wins.
 *   <li>Each record carries its length and a CRC-32, so a torn tail (see
 *       {@link SimDisk#enableTornWrites}) is detected: replay stops at the first damaged record, and
 *       the damaged bytes are cut off the file so that later appends are not hidden behind them.
 *   <li>{@link #rewrite} replaces the whole durable state by a snapshot, a hard state and the entries
 *       after the snapshot (Project 2C: after compacting the log, or to install a leader's snapshot).
 *       It is durable when it returns, and atomic across a crash: it writes a new generation of the
 *       file ({@value #LOG_FILE}, then {@value #LOG_FILE}.1, .2, ...) whose first record is the base,
 *       syncs it, and only then deletes the old generation. A generation whose base record is damaged
 *       (the rewrite was torn by a crash) is discarded on replay and the previous one is used.
 * </ol>
 */
public final class RaftDisk {
    /** The first generation of the file; later generations add {@code .1}, {@code .2}, ... */
    public static final String LOG_FILE = "raft.log";

    private static final byte ENTRIES = 1;
    private static final byte HARD_STATE = 2;
    private static final byte BASE = 3;
    /** Length and CRC-32, in front of every record's body. */
    private static final int FRAME_BYTES = 8;

    /**
     * What a replay found on the disk.
     *
     * @param snapshot the latest snapshot ({@link Snapshot#EMPTY} if the log was never compacted)
     * @param hardState the last hard state ({@link HardState#EMPTY} if none)
     * @param entries the log after the snapshot, consecutive
     */
    public record Contents(Snapshot snapshot, HardState hardState, List<Entry> entries) {
        public Contents {
            Objects.requireNonNull(snapshot, "snapshot");
            Objects.requireNonNull(hardState, "hardState");
            entries = List.copyOf(entries);
        }
    }

    private final SimDisk disk;
    private long generation;

    /** A writer over {@code disk}; use {@link #load} first on a restart. */
    public RaftDisk(SimDisk disk) {
        this.disk = Objects.requireNonNull(disk, "disk");
        this.generation = newestGeneration();
    }

    /** Writes a run of consecutive entries (not durable until {@link #sync}); an empty run writes nothing. */
    public void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        writeRecord(fileName(generation), encodeEntries(ENTRIES, entries, 0));
    }

    /** Writes a hard state (not durable until {@link #sync}). */
    public void saveHardState(HardState hs) {
        ByteBuffer body = ByteBuffer.allocate(1 + 3 * Long.BYTES).put(HARD_STATE);
        putHardState(body, hs);
        writeRecord(fileName(generation), body.array());
    }

    /** Makes every record written so far durable. */
    public void sync() {
        disk.sync();
    }

    /**
     * Replaces everything on the disk by {@code snapshot}, {@code hardState} and {@code entries} (the log
     * after the snapshot), durably and atomically (rule 4 of the class comment). Syncs.
     *
     * @throws IllegalArgumentException if {@code entries} do not start right after the snapshot
     */
    public void rewrite(Snapshot snapshot, HardState hardState, List<Entry> entries) {
        long snapshotIndex = snapshot.metadata().index();
        if (!entries.isEmpty() && entries.get(0).index() != snapshotIndex + 1) {
            throw new IllegalArgumentException("the log after a snapshot at " + snapshotIndex + " cannot start at "
                    + entries.get(0).index());
        }
        byte[] data = snapshot.data();
        List<Long> voters = snapshot.metadata().confState().voters();
        int snapshotBytes = 3 * Long.BYTES + Integer.BYTES + voters.size() * Long.BYTES + Integer.BYTES + data.length;
        ByteBuffer base = ByteBuffer.wrap(encodeEntries(BASE, entries, snapshotBytes + 3 * Long.BYTES));
        base.position(base.capacity() - snapshotBytes - 3 * Long.BYTES);
        base.putLong(snapshotIndex).putLong(snapshot.metadata().term()).putInt(voters.size());
        voters.forEach(base::putLong);
        base.putInt(data.length).put(data);
        putHardState(base, hardState);
        long old = generation;
        disk.write(fileName(old + 1), frame(base.array()));
        disk.sync();
        generation = old + 1;
        disk.delete(fileName(old));
        disk.sync();
    }

    /**
     * Replays the newest intact generation: the snapshot, the durable log after it and the last hard
     * state. A damaged tail is cut off the file (and the cut synced); a generation whose base record is
     * damaged is deleted.
     */
    public Contents load() {
        while (generation > 0 && !baseIntact(generation)) {
            disk.delete(fileName(generation));
            disk.sync();
            generation = newestGeneration();
        }
        deleteGenerationsBefore(generation);
        String file = fileName(generation);
        byte[] bytes = disk.read(file).orElse(new byte[0]);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<Entry> log = new ArrayList<>();
        Snapshot snapshot = Snapshot.EMPTY;
        HardState hs = HardState.EMPTY;
        int good = 0;
        byte[] body;
        while ((body = nextRecord(in)) != null) {
            ByteBuffer record = ByteBuffer.wrap(body);
            byte type = record.get();
            if (type == ENTRIES) {
                replayEntries(record, log);
            } else if (type == HARD_STATE) {
                hs = getHardState(record);
            } else {
                log.clear();
                replayEntries(record, log);
                snapshot = getSnapshot(record);
                hs = getHardState(record);
            }
            good = in.position();
        }
        if (good < bytes.length) {
            disk.write(file, Arrays.copyOf(bytes, good));
            disk.sync();
        }
        return new Contents(snapshot, hs, log);
    }

    private static String fileName(long generation) {
        return generation == 0 ? LOG_FILE : LOG_FILE + "." + generation;
    }

    /** The generation a file name holds, or -1 for a file that is not one of ours. */
    private static long generationOf(String name) {
        if (name.equals(LOG_FILE)) {
            return 0;
        }
        String suffix = name.startsWith(LOG_FILE + ".") ? name.substring(LOG_FILE.length() + 1) : "";
        return suffix.matches("[1-9][0-9]{0,17}") ? Long.parseLong(suffix) : -1;
    }

    private long newestGeneration() {
        return disk.files().stream().mapToLong(RaftDisk::generationOf).filter(g -> g >= 0).max().orElse(0);
    }

    /** A crash between a rewrite's two syncs leaves the old generation behind; it is no longer needed. */
    private void deleteGenerationsBefore(long gen) {
        for (String name : disk.files()) {
            if (generationOf(name) >= 0 && generationOf(name) < gen) {
                disk.delete(name);
                disk.sync();
            }
        }
    }

    private boolean baseIntact(long gen) {
        byte[] first = nextRecord(ByteBuffer.wrap(disk.read(fileName(gen)).orElse(new byte[0])));
        return first != null && first[0] == BASE;
    }

    /** A record body: the type, the entries, then {@code extra} bytes left for the caller to fill. */
    private static byte[] encodeEntries(byte type, List<Entry> entries, int extra) {
        int size = 1 + Integer.BYTES + extra;
        for (Entry e : entries) {
            size += 2 * Long.BYTES + 1 + Integer.BYTES + e.dataLength();
        }
        ByteBuffer body = ByteBuffer.allocate(size).put(type).putInt(entries.size());
        for (Entry e : entries) {
            body.putLong(e.index()).putLong(e.term()).put((byte) e.type().ordinal())
                    .putInt(e.dataLength()).put(e.data());
        }
        return body.array();
    }

    private static void putHardState(ByteBuffer body, HardState hs) {
        body.putLong(hs.term()).putLong(hs.vote()).putLong(hs.commit());
    }

    private static HardState getHardState(ByteBuffer record) {
        return new HardState(record.getLong(), record.getLong(), record.getLong());
    }

    private static Snapshot getSnapshot(ByteBuffer record) {
        long index = record.getLong();
        long term = record.getLong();
        List<Long> voters = new ArrayList<>();
        for (int i = record.getInt(); i > 0; i--) {
            voters.add(record.getLong());
        }
        byte[] data = new byte[record.getInt()];
        record.get(data);
        return new Snapshot(new SnapshotMetadata(new ConfState(voters), index, term), data);
    }

    private void writeRecord(String file, byte[] body) {
        disk.append(file, frame(body));
    }

    /** The record as written: length, CRC-32, body. */
    private static byte[] frame(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(FRAME_BYTES + body.length)
                .putInt(body.length).putInt((int) crc.getValue()).put(body).array();
    }

    /** The next intact record's body, or null at the end of the file or at a damaged record. */
    private static byte[] nextRecord(ByteBuffer in) {
        if (in.remaining() < FRAME_BYTES) {
            return null;
        }
        int length = in.getInt();
        int expected = in.getInt();
        if (length <= 0 || length > in.remaining()) {
            return null;
        }
        byte[] body = new byte[length];
        in.get(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) crc.getValue() == expected ? body : null;
    }

    private static void replayEntries(ByteBuffer record, List<Entry> log) {
        int count = record.getInt();
        for (int i = 0; i < count; i++) {
            long index = record.getLong();
            long term = record.getLong();
            EntryType type = EntryType.values()[record.get()];
            byte[] data = new byte[record.getInt()];
            record.get(data);
            truncateFrom(log, index);
            log.add(new Entry(index, term, type, data));
        }
    }

    /** Drops the entries at {@code index} and after: the replayed run overwrites them. */
    private static void truncateFrom(List<Entry> log, long index) {
        if (log.isEmpty()) {
            return;
        }
        int keep = (int) Math.max(0, Math.min(log.size(), index - log.get(0).index()));
        log.subList(keep, log.size()).clear();
    }
}
