package kvlab.harness.linearizability;

import java.util.ArrayList;
import java.util.List;

/**
 * A recorded history of key/value operations: the input of {@link LinearizabilityChecker}.
 *
 * <p>Protocol for whoever records (a test, or the clients of a simulated cluster):
 * <ol>
 *   <li>Call an {@code invokeX} method when a client issues an operation, and keep the {@link Handle}.
 *   <li>Call {@code ok} with that handle when the client receives the response: {@link #ok(Handle, long)}
 *       for PUT, APPEND and DELETE, {@link #ok(Handle, long, String)} with what GET or CAS found.
 *   <li>Never complete an operation whose client crashed or gave up: it stays pending, which means it may
 *       have taken effect at any time after its invocation, or never. Do NOT record a timed-out write as
 *       failed; that would claim it had no effect.
 *   <li>Record events in the order they happen, with non-decreasing virtual times. The recording order
 *       IS the real-time order: an operation that returns at the same virtual time another is invoked
 *       precedes it only if its {@code ok} was recorded first.
 * </ol>
 *
 * <p>Not thread-safe: a simulation is single-threaded. Misuse (completing twice, the wrong
 * {@code ok} for the kind, time going backwards, a handle from another history) throws.
 */
public final class History {
    /** Sequence number given to the return of an operation that never returned. */
    static final int NEVER = Integer.MAX_VALUE;

    private final List<Slot> slots = new ArrayList<>();
    private int events;
    private long lastTime = Long.MIN_VALUE;

    /** An operation recorded in {@code history} that may still be completed. */
    public static final class Handle {
        private final History history;
        private final int id;

        private Handle(History history, int id) {
            this.history = history;
            this.id = id;
        }

        /** The id of the operation, as in {@link KvOp#id()}. */
        public int id() {
            return id;
        }
    }

    /** An operation with the positions of its invocation and return in the recording order. */
    private static final class Slot {
        KvOp op;
        final int invokeSeq;
        int returnSeq = NEVER;

        Slot(KvOp op, int invokeSeq) {
            this.op = op;
            this.invokeSeq = invokeSeq;
        }
    }

    /** Records that {@code clientId} issued {@code get(key)} at {@code time}. */
    public Handle invokeGet(int clientId, long time, String key) {
        return invoke(clientId, time, KvOp.Kind.GET, key, null, null);
    }

    /** Records that {@code clientId} issued {@code put(key, value)} at {@code time}. */
    public Handle invokePut(int clientId, long time, String key, String value) {
        return invoke(clientId, time, KvOp.Kind.PUT, key, value, null);
    }

    /** Records that {@code clientId} issued {@code append(key, value)} at {@code time}. */
    public Handle invokeAppend(int clientId, long time, String key, String value) {
        return invoke(clientId, time, KvOp.Kind.APPEND, key, value, null);
    }

    /** Records that {@code clientId} issued {@code delete(key)} at {@code time}. */
    public Handle invokeDelete(int clientId, long time, String key) {
        return invoke(clientId, time, KvOp.Kind.DELETE, key, null, null);
    }

    /** Records that {@code clientId} issued {@code cas(key, expected -> value)} at {@code time}. */
    public Handle invokeCas(int clientId, long time, String key, String expected, String value) {
        return invoke(clientId, time, KvOp.Kind.CAS, key, value, expected);
    }

    /** Records that the PUT, APPEND or DELETE of {@code handle} returned at {@code time}. */
    public void ok(Handle handle, long time) {
        KvOp op = open(handle).op;
        if (op.kind().observes()) {
            throw new IllegalArgumentException(op.kind() + " must be completed with what it found: "
                    + "ok(handle, time, output)");
        }
        complete(handle, time, null);
    }

    /**
     * Records that the GET or CAS of {@code handle} returned at {@code time}, having found
     * {@code output} ({@code null} = the key was absent).
     */
    public void ok(Handle handle, long time, String output) {
        KvOp op = open(handle).op;
        if (!op.kind().observes()) {
            throw new IllegalArgumentException(op.kind() + " has no output: use ok(handle, time)");
        }
        complete(handle, time, output);
    }

    /** The operations in order of invocation; pending ones have {@link KvOp#PENDING} as return time. */
    public List<KvOp> ops() {
        return slots.stream().map(s -> s.op).toList();
    }

    /** Position of the invocation of operation {@code id} in the recording order. */
    int invokeSeq(int id) {
        return slots.get(id).invokeSeq;
    }

    /** Position of the return of operation {@code id} in the recording order, or {@link #NEVER}. */
    int returnSeq(int id) {
        return slots.get(id).returnSeq;
    }

    /**
     * A copy in which the completed GET or CAS {@code id} reports {@code output} instead, with the same
     * times and order: for testing checkers against an injected fault such as a stale read.
     */
    History withOutput(int id, String output) {
        History copy = new History();
        copy.events = events;
        copy.lastTime = lastTime;
        for (Slot s : slots) {
            Slot c = new Slot(s.op, s.invokeSeq);
            c.returnSeq = s.returnSeq;
            copy.slots.add(c);
        }
        Slot target = copy.slots.get(id);
        if (target.op.pending()) {
            throw new IllegalArgumentException("operation " + id + " is pending");
        }
        target.op = completed(target.op, output, target.op.returnTime());
        return copy;
    }

    private Handle invoke(int clientId, long time, KvOp.Kind kind, String key, String value,
                          String expected) {
        advanceTo(time);
        int id = slots.size();
        slots.add(new Slot(new KvOp(id, clientId, kind, key, value, expected, null, time, KvOp.PENDING),
                events++));
        return new Handle(this, id);
    }

    private void complete(Handle handle, long time, String output) {
        Slot slot = open(handle);
        advanceTo(time);
        slot.op = completed(slot.op, output, time);
        slot.returnSeq = events++;
    }

    private Slot open(Handle handle) {
        if (handle.history != this) {
            throw new IllegalArgumentException("handle " + handle.id + " belongs to another history");
        }
        Slot slot = slots.get(handle.id);
        if (slot.returnSeq != NEVER) {
            throw new IllegalStateException("operation " + handle.id + " already returned: "
                    + slot.op.describe());
        }
        return slot;
    }

    private void advanceTo(long time) {
        if (time < lastTime) {
            throw new IllegalArgumentException("events must be recorded in time order: " + time
                    + " is before the last recorded event at " + lastTime);
        }
        if (time == KvOp.PENDING) {
            throw new IllegalArgumentException("time " + time + " is reserved for pending operations");
        }
        lastTime = time;
    }

    private static KvOp completed(KvOp op, String output, long returnTime) {
        return new KvOp(op.id(), op.clientId(), op.kind(), op.key(), op.value(), op.expected(), output,
                op.invokeTime(), returnTime);
    }
}
