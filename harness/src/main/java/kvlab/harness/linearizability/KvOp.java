package kvlab.harness.linearizability;

import java.util.Locale;
import java.util.Objects;

/**
 * One client operation on a key/value store, as recorded in a {@link History}.
 *
 * <p>Semantics of each kind against the value of {@code key} (absent at the start):
 * <ul>
 *   <li>{@code GET}: reads the value; {@code output} is what it returned ({@code null} = absent).
 *   <li>{@code PUT}: sets the value to {@code value}.
 *   <li>{@code APPEND}: appends {@code value} to the value (an absent value counts as "").
 *   <li>{@code DELETE}: makes the value absent.
 *   <li>{@code CAS}: compare-and-set; {@code output} is the value it found ({@code null} = absent), and it
 *       set the value to {@code value} exactly when what it found equals {@code expected}
 *       ({@code null} = "only if absent").
 * </ul>
 *
 * <p>Invariants: {@code key} and {@code kind} are non-null; {@code value} is non-null for PUT, APPEND and
 * CAS and null otherwise; {@code expected} is null unless the kind is CAS; {@code output} is null for
 * PUT, APPEND, DELETE and for pending operations; {@code invokeTime <= returnTime}. A pending operation
 * (the client crashed or gave up) has {@code returnTime == PENDING}: it may have taken effect at any
 * time after its invocation, or never.
 *
 * @param id index of the operation in its history, in order of invocation
 * @param clientId the client that issued it (for reports only; the checker does not rely on it)
 * @param kind what the operation does
 * @param key the key it acts on
 * @param value the argument of PUT, APPEND and CAS (the new value)
 * @param expected the value CAS compares with ({@code null} = absent)
 * @param output what GET or CAS reported finding ({@code null} = absent, or not returned)
 * @param invokeTime virtual time of the invocation
 * @param returnTime virtual time of the response, or {@link #PENDING}
 */
public record KvOp(int id, int clientId, Kind kind, String key, String value, String expected,
                   String output, long invokeTime, long returnTime) {

    /** The return time of an operation that never returned. */
    public static final long PENDING = Long.MAX_VALUE;

    /** What an operation does; see {@link KvOp} for the semantics. */
    public enum Kind {
        GET, PUT, APPEND, DELETE, CAS;

        /** Whether the operation reports what it found (and so can contradict the store's state). */
        public boolean observes() {
            return this == GET || this == CAS;
        }

        /** Whether the operation carries a new value. */
        public boolean takesValue() {
            return this == PUT || this == APPEND || this == CAS;
        }
    }

    public KvOp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (kind.takesValue() != (value != null)) {
            throw new IllegalArgumentException(kind + " must " + (kind.takesValue() ? "" : "not ")
                    + "have a value: " + value);
        }
        if (kind != Kind.CAS && expected != null) {
            throw new IllegalArgumentException(kind + " must not have an expected value");
        }
        if (output != null && (!kind.observes() || returnTime == PENDING)) {
            throw new IllegalArgumentException(kind + (returnTime == PENDING ? " (pending)" : "")
                    + " cannot have an output");
        }
        if (returnTime < invokeTime) {
            throw new IllegalArgumentException("returns at " + returnTime + " before its invocation at "
                    + invokeTime);
        }
    }

    /** Whether the operation never returned. */
    public boolean pending() {
        return returnTime == PENDING;
    }

    /** The operation as a call, such as {@code put("k", "x")} or {@code get("k") returned absent}. */
    public String call() {
        String args = switch (kind) {
            case GET, DELETE -> quote(key);
            case PUT, APPEND -> quote(key) + ", " + quote(value);
            case CAS -> quote(key) + ", " + quote(expected) + " -> " + quote(value);
        };
        String call = kind.name().toLowerCase(Locale.ROOT) + "(" + args + ")";
        if (pending()) {
            return call + " (pending)";
        }
        return switch (kind) {
            case GET -> call + " returned " + quote(output);
            case CAS -> call + " found " + quote(output);
            case PUT, APPEND, DELETE -> call;
        };
    }

    /** One report line: client, call, and {@code [invoke, return]} times. */
    public String describe() {
        String end = pending() ? "never returned" : Long.toString(returnTime);
        return String.format(Locale.ROOT, "client %-3d %-40s [%d, %s]", clientId, call(), invokeTime, end);
    }

    /**
     * A value as reports show it: quoted, {@code absent} for null, and shortened when long (append
     * chains grow), because a report must stay readable.
     */
    static String quote(String value) {
        if (value == null) {
            return "absent";
        }
        if (value.length() <= 32) {
            return '"' + value + '"';
        }
        return '"' + value.substring(0, 12) + "..." + value.substring(value.length() - 12) + "\" ("
                + value.length() + " chars)";
    }
}
