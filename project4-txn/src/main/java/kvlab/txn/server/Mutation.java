package kvlab.txn.server;

import java.util.Arrays;
import java.util.Objects;
import kvlab.txn.mvcc.Bytes;
import kvlab.txn.mvcc.WriteKind;

/**
 * One change a transaction prewrites: a put or a delete of a key. Arrays are copied in and out.
 */
public sealed interface Mutation permits Mutation.Put, Mutation.Delete {
    /** A copy of the key. */
    byte[] key();

    /** The kind of the lock, and later of the write record, this mutation leaves. */
    WriteKind kind();

    /** Sets {@code key} to {@code value} when the transaction commits. */
    record Put(byte[] key, byte[] value) implements Mutation {
        public Put {
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
        public WriteKind kind() {
            return WriteKind.PUT;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Put p && Arrays.equals(key, p.key) && Arrays.equals(value, p.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(value));
        }

        @Override
        public String toString() {
            return "Put[" + Bytes.show(key) + "=" + Bytes.show(value) + "]";
        }
    }

    /** Removes {@code key} when the transaction commits. */
    record Delete(byte[] key) implements Mutation {
        public Delete {
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public WriteKind kind() {
            return WriteKind.DELETE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delete d && Arrays.equals(key, d.key);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key);
        }

        @Override
        public String toString() {
            return "Delete[" + Bytes.show(key) + "]";
        }
    }
}
