package kvlab.txn.server;

import kvlab.txn.mvcc.Bytes;

/**
 * {@link Latches#acquire} found a key latched by a command still in progress; nothing was taken, and
 * the caller should retry the command later.
 */
public final class LatchBusyException extends RuntimeException {
    private final byte[] key;

    LatchBusyException(byte[] key) {
        super("key " + Bytes.show(key) + " is latched by a command in progress");
        this.key = key.clone();
    }

    /** A copy of the key that was held. */
    public byte[] key() {
        return key.clone();
    }
}
