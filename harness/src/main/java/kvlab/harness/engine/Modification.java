package kvlab.harness.engine;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One change in a {@link WriteBatch}: a put or a delete of a key in a column family.
 *
 * <p>Invariants: the family name, key and value are non-null; the key and value may be empty. The
 * family name is not checked here: {@link Engine#write} rejects a whole batch that names an unknown
 * family. Modifications are immutable: arrays are copied on the way in and on the way out, so
 * neither the caller nor the storage can change a batch after it was built.
 */
public sealed interface Modification permits Modification.Put, Modification.Delete {
    /** The column family this modification applies to. */
    String cf();

    /** A copy of the key. */
    byte[] key();

    /** Sets {@code key} to {@code value} in family {@code cf}, replacing any previous value. */
    record Put(String cf, byte[] key, byte[] value) implements Modification {
        public Put {
            Objects.requireNonNull(cf, "cf");
            key = key.clone();
            value = value.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        /** A copy of the value. */
        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Put p && cf.equals(p.cf) && Arrays.equals(key, p.key)
                    && Arrays.equals(value, p.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cf, Arrays.hashCode(key), Arrays.hashCode(value));
        }

        @Override
        public String toString() {
            return "Put[" + cf + ", key=" + HexFormat.of().formatHex(key) + ", " + value.length + " bytes]";
        }
    }

    /** Removes {@code key} from family {@code cf}; deleting an absent key is not an error. */
    record Delete(String cf, byte[] key) implements Modification {
        public Delete {
            Objects.requireNonNull(cf, "cf");
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delete d && cf.equals(d.cf) && Arrays.equals(key, d.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cf, Arrays.hashCode(key));
        }

        @Override
        public String toString() {
            return "Delete[" + cf + ", key=" + HexFormat.of().formatHex(key) + "]";
        }
    }
}
