package kvlab.txn.server;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Latches on user keys, so that commands on the same keys run one after another: a command that
 * writes holds the latch of every key it may write from BEFORE it reads until AFTER its batch is
 * written, so no other command changes those keys between its checks and its write (TiKV's scheduler
 * latches).
 *
 * <p>Protocol for a command that writes (the tests check every step):
 * <ol>
 *   <li>{@link #acquire} the latches of EVERY key it may write, BEFORE it opens its storage reader:
 *       a check made on a snapshot taken before the latch proves nothing.
 *   <li>Write its batch while the {@link Guard} is open; write no key it did not latch.
 *   <li>Close the guard AFTER the write, on every path, answers with errors and exceptions included:
 *       use try-with-resources.
 * </ol>
 * Reads that write nothing (Get) take no latch: their snapshot is consistent on its own.
 *
 * <p>Single-threaded, so nothing ever waits: a held latch belongs to a command still in progress (for
 * example one whose write is being replicated), and {@link #acquire} refuses with
 * {@link LatchBusyException}; the caller retries the command later. Acquisition is all or nothing,
 * so no command holds some keys while it waits for others.
 */
public final class Latches {
    private final NavigableSet<byte[]> held = new TreeSet<>(Arrays::compareUnsigned);

    /**
     * Takes the latches of {@code keys} (duplicates allowed) and returns the guard that releases them.
     *
     * @throws LatchBusyException naming the first held key, if any key is held; then nothing is taken
     */
    public Guard acquire(Collection<byte[]> keys) {
        NavigableSet<byte[]> wanted = new TreeSet<>(Arrays::compareUnsigned);
        keys.forEach(key -> wanted.add(key.clone()));
        for (byte[] key : wanted) {
            if (held.contains(key)) {
                throw new LatchBusyException(key);
            }
        }
        held.addAll(wanted);
        return new Guard(List.copyOf(wanted));
    }

    // ---- Interface for tests. --------------------------------------------------------------------

    /** Whether some open guard holds the latch of {@code key}. */
    public boolean isHeld(byte[] key) {
        return held.contains(key);
    }

    /** Copies of the held keys, in unsigned order; empty when no command is in progress. */
    public List<byte[]> heldKeys() {
        return held.stream().map(byte[]::clone).toList();
    }

    /** The latches one {@link #acquire} took; closing it releases them (a second close does nothing). */
    public final class Guard implements AutoCloseable {
        private final List<byte[]> keys;
        private boolean released;

        private Guard(List<byte[]> keys) {
            this.keys = keys;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                keys.forEach(held::remove);
            }
        }
    }
}
