package kvlab.standalone.memory;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link DurableLog} in memory with crash semantics: {@link #crash()} forgets everything not synced,
 * {@link #crashTearing} also keeps a prefix of what was appended to one file since the last sync.
 */
public final class FakeDisk implements DurableLog {
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, byte[]> durable = new TreeMap<>();

    @Override
    public Optional<byte[]> read(String file) {
        return Optional.ofNullable(files.get(file)).map(byte[]::clone);
    }

    @Override
    public void write(String file, byte[] contents) {
        files.put(file, contents.clone());
    }

    @Override
    public void append(String file, byte[] bytes) {
        byte[] old = files.getOrDefault(file, new byte[0]);
        byte[] grown = Arrays.copyOf(old, old.length + bytes.length);
        System.arraycopy(bytes, 0, grown, old.length, bytes.length);
        files.put(file, grown);
    }

    @Override
    public void sync() {
        durable.clear();
        files.forEach((file, contents) -> durable.put(file, contents.clone()));
    }

    /** Loses every write and append since the last sync. */
    public void crash() {
        files.clear();
        durable.forEach((file, contents) -> files.put(file, contents.clone()));
    }

    /**
     * Crashes, but {@code keptBytes} of what was appended to {@code file} since the last sync reached
     * the platter: the last append is torn.
     */
    public void crashTearing(String file, int keptBytes) {
        byte[] before = files.get(file);
        int synced = durable.getOrDefault(file, new byte[0]).length;
        crash();
        files.put(file, Arrays.copyOf(before, synced + keptBytes));
        sync();
    }

    /** The current length of {@code file}, synced or not; 0 if absent. */
    public int length(String file) {
        return files.getOrDefault(file, new byte[0]).length;
    }
}
