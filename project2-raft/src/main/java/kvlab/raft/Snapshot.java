package kvlab.raft;

import java.util.Arrays;
import java.util.Objects;

/**
 * A state-machine snapshot that replaces a prefix of the log (Raft §7). Project 2C fills in sending
 * and installing them; in 2A only {@link #EMPTY} flows through the code. Immutable: data is copied in
 * and out.
 *
 * @param metadata what the snapshot covers
 * @param data the application's serialized state, opaque to Raft
 */
public record Snapshot(SnapshotMetadata metadata, byte[] data) {
    /** No snapshot. */
    public static final Snapshot EMPTY = new Snapshot(SnapshotMetadata.EMPTY, new byte[0]);

    public Snapshot {
        Objects.requireNonNull(metadata, "metadata");
        data = data.clone();
    }

    /** A copy of the data. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Whether this is "no snapshot": index 0. */
    public boolean isEmpty() {
        return metadata.index() == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Snapshot s && metadata.equals(s.metadata) && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metadata, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Snapshot[" + metadata.index() + "/" + metadata.term() + " " + metadata.confState().voters()
                + " " + Bytes.show(data) + "]";
    }
}
