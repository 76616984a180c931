package kvlab.harness.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * One node's simulated disk: a flat set of named files whose writes become durable only when
 * {@link #sync() synced}.
 *
 * <p>Contract:
 * <ol>
 *   <li>Reads see the latest state, including writes not yet synced.
 *   <li>{@link #sync()} makes every operation so far durable, in one step.
 *   <li>{@link #crash()} (called by the cluster when the node crashes) loses every operation since
 *       the last sync, so after a restart the node sees exactly the durable state. With
 *       {@link #enableTornWrites torn writes} enabled, the last unsynced write or append is instead
 *       torn: a strict prefix of its bytes (possibly none) reaches the disk, while the other unsynced
 *       operations are still lost. Recovery code must then detect a damaged tail, e.g. by checksums.
 *   <li>Byte arrays are copied on the way in and out; callers may reuse theirs.
 * </ol>
 *
 * <p>Threading: not thread-safe; used from simulation events only.
 */
public final class SimDisk {
    /** An operation not yet synced. */
    private sealed interface Op permits Write, Append, Delete {
        String file();
    }

    private record Write(String file, byte[] bytes) implements Op {}

    private record Append(String file, byte[] bytes) implements Op {}

    private record Delete(String file) implements Op {}

    private final Map<String, FileBytes> current = new TreeMap<>();
    private final Map<String, FileBytes> durable = new TreeMap<>();
    private final List<Op> pending = new ArrayList<>();
    private RandomGenerator tearRandom;
    private long syncCount;

    /** The file's latest contents (synced or not), or empty if it does not exist. */
    public Optional<byte[]> read(String file) {
        FileBytes bytes = current.get(checkName(file));
        return bytes == null ? Optional.empty() : Optional.of(bytes.toArray());
    }

    /** Replaces the whole file (creating it if needed) with {@code contents}. */
    public void write(String file, byte[] contents) {
        record(new Write(checkName(file), contents.clone()));
    }

    /** Appends {@code bytes} to the file, creating it if it does not exist. */
    public void append(String file, byte[] bytes) {
        record(new Append(checkName(file), bytes.clone()));
    }

    /** Deletes the file; deleting a file that does not exist does nothing (but is still an operation). */
    public void delete(String file) {
        record(new Delete(checkName(file)));
    }

    /** The names of the files that exist now, sorted. */
    public List<String> files() {
        return List.copyOf(current.keySet());
    }

    /** Makes every operation so far durable. */
    public void sync() {
        for (Op op : pending) {
            apply(durable, op, Integer.MAX_VALUE);
        }
        pending.clear();
        syncCount++;
    }

    /** How many times {@link #sync()} was called: tests use it to check that code syncs, and not too often. */
    public long syncCount() {
        return syncCount;
    }

    /** How many operations were done since the last sync: what a crash now would lose. */
    public int unsyncedOperations() {
        return pending.size();
    }

    /**
     * From now on, a crash tears the last unsynced write or append instead of losing it, using
     * {@code random} to choose how many of its bytes survive.
     */
    public void enableTornWrites(RandomGenerator random) {
        tearRandom = Objects.requireNonNull(random, "random");
    }

    /** Crashes lose unsynced operations whole again (the default). */
    public void disableTornWrites() {
        tearRandom = null;
    }

    /**
     * The power fails: the disk keeps only its durable state (plus a torn write, if enabled).
     *
     * @return how many unsynced operations were lost or torn
     */
    public int crash() {
        int lost = pending.size();
        if (tearRandom != null) {
            tearLastWrite();
        }
        pending.clear();
        current.clear();
        durable.forEach((name, bytes) -> current.put(name, bytes.copy()));
        return lost;
    }

    private void tearLastWrite() {
        for (int i = pending.size() - 1; i >= 0; i--) {
            Op op = pending.get(i);
            if (!(op instanceof Delete)) {
                int length = bytesOf(op).length;
                int kept = length == 0 ? 0 : tearRandom.nextInt(length);
                apply(durable, op, kept);
                return;
            }
        }
    }

    private void record(Op op) {
        pending.add(op);
        apply(current, op, Integer.MAX_VALUE);
    }

    /** Applies {@code op} to {@code files}, keeping at most {@code limit} of its bytes. */
    private static void apply(Map<String, FileBytes> files, Op op, int limit) {
        if (op instanceof Write w) {
            files.put(w.file(), FileBytes.copyOf(w.bytes(), Math.min(limit, w.bytes().length)));
        } else if (op instanceof Append a) {
            int count = Math.min(limit, a.bytes().length);
            FileBytes existing = files.get(a.file());
            if (existing == null) {
                files.put(a.file(), FileBytes.copyOf(a.bytes(), count));
            } else {
                existing.append(a.bytes(), count);
            }
        } else if (op instanceof Delete d) {
            files.remove(d.file());
        }
    }

    private static byte[] bytesOf(Op op) {
        if (op instanceof Write w) {
            return w.bytes();
        }
        return ((Append) op).bytes();
    }

    private static String checkName(String file) {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("file name must not be null or empty");
        }
        return file;
    }
}
