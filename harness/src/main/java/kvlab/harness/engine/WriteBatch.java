package kvlab.harness.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of {@link Modification}s that an {@link Engine} applies atomically: after
 * {@link Engine#write} returns, every modification is visible; if it throws, none is. Within a batch
 * later modifications win over earlier ones on the same family and key.
 *
 * <p>Immutable (the list is copied and so are the arrays inside each modification), so a batch can be
 * kept, logged and replayed.
 *
 * @param modifications the changes, in order; may be empty
 * @param sync whether the storage must make the batch durable before {@code write} returns (an fsync
 *     for RocksDB, a {@code sync} of the simulated disk for the in-memory engine). Without it a crash
 *     may lose the batch, though never part of it.
 */
public record WriteBatch(List<Modification> modifications, boolean sync) {
    public WriteBatch {
        modifications = List.copyOf(modifications);
    }

    /** A builder for a batch; the batch is not durable unless {@link Builder#sync()} is called. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects modifications in order. Not thread-safe; {@link #build()} may be called repeatedly. */
    public static final class Builder {
        private final List<Modification> modifications = new ArrayList<>();
        private boolean sync;

        private Builder() {}

        /** Adds a put of {@code key} to {@code value} in {@code cf}; copies both arrays. */
        public Builder put(String cf, byte[] key, byte[] value) {
            modifications.add(new Modification.Put(cf, key, value));
            return this;
        }

        /** Adds a delete of {@code key} in {@code cf}; copies the key. */
        public Builder delete(String cf, byte[] key) {
            modifications.add(new Modification.Delete(cf, key));
            return this;
        }

        /** Asks the storage to make the batch durable before {@code write} returns. */
        public Builder sync() {
            sync = true;
            return this;
        }

        /** The batch of everything added so far. */
        public WriteBatch build() {
            return new WriteBatch(modifications, sync);
        }
    }
}
