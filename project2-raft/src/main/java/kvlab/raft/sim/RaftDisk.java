package kvlab.raft.sim;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import kvlab.harness.disk.SimDisk;
import kvlab.raft.Entry;
import kvlab.raft.EntryType;
import kvlab.raft.HardState;

/**
 * A node's durable Raft state on its {@link SimDisk}: one append-only file of records, each either a
 * run of log entries or a hard state. Provided code: students do not edit it.
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
 * </ol>
 */
public final class RaftDisk {
    /** The file the records go to. */
    public static final String LOG_FILE = "raft.log";

    private static final byte ENTRIES = 1;
    private static final byte HARD_STATE = 2;
    /** Length and CRC-32, in front of every record's body. */
    private static final int FRAME_BYTES = 8;

    /** What a replay found on the disk. */
    public record Contents(HardState hardState, List<Entry> entries) {
        public Contents {
            Objects.requireNonNull(hardState, "hardState");
            entries = List.copyOf(entries);
        }
    }

    private final SimDisk disk;

    /** A writer over {@code disk}; use {@link #load} first on a restart. */
    public RaftDisk(SimDisk disk) {
        this.disk = Objects.requireNonNull(disk, "disk");
    }

    /** Writes a run of consecutive entries (not durable until {@link #sync}); an empty run writes nothing. */
    public void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int size = 1 + Integer.BYTES;
        for (Entry e : entries) {
            size += 2 * Long.BYTES + 1 + Integer.BYTES + e.dataLength();
        }
        ByteBuffer body = ByteBuffer.allocate(size).put(ENTRIES).putInt(entries.size());
        for (Entry e : entries) {
            body.putLong(e.index()).putLong(e.term()).put((byte) e.type().ordinal())
                    .putInt(e.dataLength()).put(e.data());
        }
        writeRecord(body.array());
    }

    /** Writes a hard state (not durable until {@link #sync}). */
    public void saveHardState(HardState hs) {
        ByteBuffer body = ByteBuffer.allocate(1 + 3 * Long.BYTES)
                .put(HARD_STATE).putLong(hs.term()).putLong(hs.vote()).putLong(hs.commit());
        writeRecord(body.array());
    }

    /** Makes every record written so far durable. */
    public void sync() {
        disk.sync();
    }

    /**
     * Replays the file: the durable log and the last hard state ({@link HardState#EMPTY} if none).
     * A damaged tail is cut off the file (and the cut synced).
     */
    public Contents load() {
        byte[] file = disk.read(LOG_FILE).orElse(new byte[0]);
        ByteBuffer in = ByteBuffer.wrap(file);
        List<Entry> log = new ArrayList<>();
        HardState hs = HardState.EMPTY;
        int good = 0;
        byte[] body;
        while ((body = nextRecord(in)) != null) {
            ByteBuffer record = ByteBuffer.wrap(body);
            if (record.get() == ENTRIES) {
                replayEntries(record, log);
            } else {
                hs = new HardState(record.getLong(), record.getLong(), record.getLong());
            }
            good = in.position();
        }
        if (good < file.length) {
            disk.write(LOG_FILE, Arrays.copyOf(file, good));
            disk.sync();
        }
        return new Contents(hs, log);
    }

    private void writeRecord(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteBuffer framed = ByteBuffer.allocate(FRAME_BYTES + body.length)
                .putInt(body.length).putInt((int) crc.getValue()).put(body);
        disk.append(LOG_FILE, framed.array());
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
