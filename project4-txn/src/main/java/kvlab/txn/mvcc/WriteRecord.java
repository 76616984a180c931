package kvlab.txn.mvcc;

import java.util.Objects;

/**
 * A {@link Write} together with the timestamp it is keyed by in the {@code write} family: the commit
 * timestamp (for a rollback record, the rolled-back transaction's start timestamp).
 *
 * @param commitTs the timestamp in the record's key; not negative
 * @param write the record
 */
public record WriteRecord(long commitTs, Write write) {
    public WriteRecord {
        if (commitTs < 0) {
            throw new IllegalArgumentException("negative commit timestamp " + commitTs);
        }
        Objects.requireNonNull(write, "write");
    }

    @Override
    public String toString() {
        return write + " committed@" + commitTs;
    }
}
