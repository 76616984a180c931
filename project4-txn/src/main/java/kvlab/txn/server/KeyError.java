package kvlab.txn.server;

import java.util.Arrays;
import java.util.Objects;
import kvlab.txn.mvcc.Bytes;
import kvlab.txn.mvcc.Lock;

/**
 * Why a command could not do what was asked for one key: the answers a client handles (Percolator
 * §2.2), as opposed to a broken invariant, which is an exception. Every kind names the key; arrays
 * are copied in and out.
 */
public sealed interface KeyError
        permits KeyError.Locked, KeyError.WriteConflict, KeyError.RolledBack, KeyError.LockNotFound,
                KeyError.Committed {
    /** A copy of the key the error is about. */
    byte[] key();

    /**
     * The key is locked by transaction {@code lockTs}, which has neither committed nor rolled back:
     * the client must wait, or check the primary's status and resolve the lock.
     *
     * @param key the locked key
     * @param primary the lock holder's primary key
     * @param lockTs the lock holder's start timestamp
     * @param ttl the lock's time to live
     */
    record Locked(byte[] key, byte[] primary, long lockTs, long ttl) implements KeyError {
        public Locked {
            key = key.clone();
            primary = primary.clone();
        }

        /** The error for {@code key}, locked by {@code lock}. */
        public static Locked of(byte[] key, Lock lock) {
            return new Locked(key, lock.primary(), lock.startTs(), lock.ttl());
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        /** A copy of the primary key. */
        @Override
        public byte[] primary() {
            return primary.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Locked l && Arrays.equals(key, l.key) && Arrays.equals(primary, l.primary)
                    && lockTs == l.lockTs && ttl == l.ttl;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(primary), lockTs, ttl);
        }

        @Override
        public String toString() {
            return "Locked[key " + Bytes.show(key) + " by transaction " + lockTs + ", primary "
                    + Bytes.show(primary) + ", ttl " + ttl + "]";
        }
    }

    /**
     * Another transaction committed (or rolled back) the key at {@code conflictTs >= startTs}: under
     * snapshot isolation, transaction {@code startTs} must not write it, and must restart.
     *
     * @param key the key written after the transaction started
     * @param primary the prewriting transaction's primary key
     * @param startTs the prewriting transaction's start timestamp
     * @param conflictTs the commit timestamp of the newer write record
     */
    record WriteConflict(byte[] key, byte[] primary, long startTs, long conflictTs) implements KeyError {
        public WriteConflict {
            key = key.clone();
            primary = primary.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        /** A copy of the primary key. */
        @Override
        public byte[] primary() {
            return primary.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WriteConflict w && Arrays.equals(key, w.key)
                    && Arrays.equals(primary, w.primary) && startTs == w.startTs && conflictTs == w.conflictTs;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(primary), startTs, conflictTs);
        }

        @Override
        public String toString() {
            return "WriteConflict[key " + Bytes.show(key) + ": transaction " + startTs
                    + " meets a write committed at " + conflictTs + ", primary " + Bytes.show(primary) + "]";
        }
    }

    /**
     * Transaction {@code startTs} was rolled back on the key (a rollback record exists): it can never
     * commit.
     *
     * @param key the key holding the rollback record
     * @param startTs the rolled-back transaction
     */
    record RolledBack(byte[] key, long startTs) implements KeyError {
        public RolledBack {
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RolledBack r && Arrays.equals(key, r.key) && startTs == r.startTs;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(key), startTs);
        }

        @Override
        public String toString() {
            return "RolledBack[key " + Bytes.show(key) + ": transaction " + startTs + " was rolled back]";
        }
    }

    /**
     * Transaction {@code startTs} holds no lock on the key and left no write record there: it never
     * prewrote the key, or its lock was removed some other way. It cannot commit the key.
     *
     * @param key the key without the transaction's lock
     * @param startTs the transaction that tried to commit
     */
    record LockNotFound(byte[] key, long startTs) implements KeyError {
        public LockNotFound {
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LockNotFound l && Arrays.equals(key, l.key) && startTs == l.startTs;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(key), startTs);
        }

        @Override
        public String toString() {
            return "LockNotFound[key " + Bytes.show(key) + ": no lock or write record of transaction "
                    + startTs + "]";
        }
    }

    /**
     * Transaction {@code startTs} committed the key at {@code commitTs}: it can no longer be rolled
     * back.
     *
     * @param key the committed key
     * @param startTs the committed transaction
     * @param commitTs its commit timestamp
     */
    record Committed(byte[] key, long startTs, long commitTs) implements KeyError {
        public Committed {
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Committed c && Arrays.equals(key, c.key) && startTs == c.startTs
                    && commitTs == c.commitTs;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(key), startTs, commitTs);
        }

        @Override
        public String toString() {
            return "Committed[key " + Bytes.show(key) + ": transaction " + startTs + " committed at "
                    + commitTs + "]";
        }
    }
}
