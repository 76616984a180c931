package kvlab.raft;

import java.util.Objects;

/**
 * What a snapshot covers: the log up to and including {@code index}, whose entry had {@code term},
 * and the membership at that point.
 *
 * @param confState the membership as of {@code index}
 * @param index the last log index the snapshot includes; 0 for no snapshot
 * @param term the term of the entry at {@code index}; 0 for no snapshot
 */
public record SnapshotMetadata(ConfState confState, long index, long term) {
    /** The metadata of "no snapshot". */
    public static final SnapshotMetadata EMPTY = new SnapshotMetadata(ConfState.EMPTY, 0, 0);

    public SnapshotMetadata {
        Objects.requireNonNull(confState, "confState");
        if (index < 0 || term < 0) {
            throw new IllegalArgumentException("snapshot index and term must be >= 0: " + index + "/" + term);
        }
    }
}
