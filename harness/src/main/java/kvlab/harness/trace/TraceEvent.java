package kvlab.harness.trace;

import java.util.Objects;

/**
 * One event of a simulation, as it appears in the {@link Trace}.
 *
 * <p>Invariants: {@code time >= 0}; {@code node >= 0} or {@code node == Trace.NO_NODE};
 * {@code detail} has no line breaks (they are escaped as {@code \n}), so that {@link #line()} is
 * exactly one line.
 *
 * @param time virtual time in milliseconds
 * @param node the node the event happened at, or {@link Trace#NO_NODE}
 * @param kind what happened
 * @param detail human-readable detail; for messages the message's {@code toString}
 */
public record TraceEvent(long time, int node, EventKind kind, String detail) {

    /** Validates and escapes line breaks in the detail. */
    public TraceEvent {
        if (time < 0) {
            throw new IllegalArgumentException("negative time " + time);
        }
        if (node < 0 && node != Trace.NO_NODE) {
            throw new IllegalArgumentException("bad node id " + node);
        }
        Objects.requireNonNull(kind, "kind");
        detail = detail.replace("\r", "\\r").replace("\n", "\\n");
    }

    /**
     * The stable one-line text form, {@code "<time> <node> <KIND> <detail>"}, where node is
     * {@code n<id>} or {@code -} (and an empty detail adds nothing, not even the space). Example: {@code 120 n3 SEND #45 3->1 Ping[round=3]}.
     */
    public String line() {
        StringBuilder sb = new StringBuilder(24 + detail.length());
        sb.append(time).append(' ');
        if (node == Trace.NO_NODE) {
            sb.append('-');
        } else {
            sb.append('n').append(node);
        }
        sb.append(' ').append(kind.name());
        if (!detail.isEmpty()) {
            sb.append(' ').append(detail);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return line();
    }
}
