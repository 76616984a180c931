package kvlab.txn.server;

import static kvlab.harness.engine.ColumnFamilies.LOCK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.Modification;
import kvlab.harness.engine.WriteBatch;
import kvlab.txn.mvcc.Bytes;
import kvlab.txn.mvcc.KeyCodec;

/**
 * An {@link Engine} that enforces the protocol of {@link Latches} on whoever writes through it: every
 * user key a batch modifies must be latched now, and must already have been latched when the latest
 * reader was opened (a check on an unlatched snapshot proves nothing). A write that breaks either rule
 * fails with an {@link AssertionError} naming the rule, the family and the key, and reaches nothing.
 * It also counts readers and batches, so tests can check that a refused command read nothing.
 */
final class LatchCheckedEngine implements Engine {
    private final Engine delegate;
    private final Latches latches;
    private NavigableSet<byte[]> latchedAtLastReader = new TreeSet<>(Arrays::compareUnsigned);
    private int readersOpened;
    private final List<WriteBatch> batches = new ArrayList<>();

    LatchCheckedEngine(Engine delegate, Latches latches) {
        this.delegate = delegate;
        this.latches = latches;
    }

    @Override
    public void write(WriteBatch batch) {
        for (Modification m : batch.modifications()) {
            byte[] userKey = m.cf().equals(LOCK) ? m.key() : KeyCodec.decodeUserKey(m.key());
            if (!latches.isHeld(userKey)) {
                throw new AssertionError("Latches rule 2 broken: " + m.cf() + " key of " + Bytes.show(userKey)
                        + " written without holding its latch; latches held: " + shown(latches.heldKeys()));
            }
            if (!latchedAtLastReader.contains(userKey)) {
                throw new AssertionError("Latches rule 1 broken: " + m.cf() + " key of " + Bytes.show(userKey)
                        + " written, but its latch was not held when the command's reader was opened; held then: "
                        + shown(List.copyOf(latchedAtLastReader)));
            }
        }
        batches.add(batch);
        delegate.write(batch);
    }

    @Override
    public EngineReader reader() {
        readersOpened++;
        latchedAtLastReader = new TreeSet<>(Arrays::compareUnsigned);
        latchedAtLastReader.addAll(latches.heldKeys());
        return delegate.reader();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** How many readers were opened through this storage. */
    int readersOpened() {
        return readersOpened;
    }

    /** The batches written through this storage, in order. */
    List<WriteBatch> batches() {
        return List.copyOf(batches);
    }

    private static List<String> shown(List<byte[]> keys) {
        return keys.stream().map(Bytes::show).toList();
    }
}
