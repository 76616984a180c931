package kvlab.standalone.memory;

import java.util.Optional;

/**
 * The part of a node's simulated disk that {@link MemoryStorage} needs: named files whose writes
 * become durable only when synced. It mirrors the harness's simulated disk, which implements it in
 * simulations; tests use a fake.
 *
 * <p>Contract: {@code read} sees every write and append made so far, synced or not. A crash loses
 * everything written since the last {@link #sync()}, and may leave the last unsynced append torn (cut
 * short); what was synced survives intact.
 */
public interface DurableLog {
    /** The current contents of {@code file}, or empty if it does not exist. */
    Optional<byte[]> read(String file);

    /** Replaces the contents of {@code file} (creating it); durable after the next {@link #sync()}. */
    void write(String file, byte[] contents);

    /** Appends {@code bytes} to {@code file} (creating it); durable after the next {@link #sync()}. */
    void append(String file, byte[] bytes);

    /** Makes every write and append so far durable. */
    void sync();
}
