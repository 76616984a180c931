package kvlab.harness.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kvlab.harness.sim.Simulation;
import kvlab.harness.trace.EventKind;

/**
 * Traces each node's protocol role and term as {@link EventKind#STATE} events, once per change, so that
 * reports can draw who led when. Fixtures call {@link #observe} after every event of a node (the node's
 * code is not asked to trace anything) and {@link #started} when a node object is built, so that an
 * incarnation's first state is traced even when it equals the state before the crash.
 *
 * <p>The detail is {@code "<ROLE> term <TERM>"}, e.g. {@code "LEADER term 3"} (part of the trace text, so
 * of its digest); {@link #parse} reads it back, and the JSON export carries role and term as fields.
 * Threading: single-threaded, like the simulation.
 */
public final class RoleTrace {
    private static final String TERM = " term ";

    private final Simulation sim;
    private final Map<Integer, String> lastTraced = new TreeMap<>();

    /** A node's role and term, as one STATE event traces them. */
    public record State(String role, long term) {
        /** The STATE event's detail: {@code "LEADER term 3"}. */
        public String detail() {
            return role + TERM + term;
        }
    }

    public RoleTrace(Simulation sim) {
        this.sim = sim;
    }

    /** A new node object (first start or restart) exists for {@code node}: its next state is traced. */
    public void started(int node) {
        lastTraced.remove(node);
    }

    /** Traces {@code role} and {@code term} of {@code node} unless they are what was traced last for it. */
    public void observe(int node, String role, long term) {
        String state = new State(role, term).detail();
        if (!state.equals(lastTraced.put(node, state))) {
            sim.trace().add(sim.now(), node, EventKind.STATE, state);
        }
    }

    /** The role and term in a STATE event's {@code detail}; empty when it is not of the form {@link #observe} traces. */
    public static Optional<State> parse(String detail) {
        int at = detail.lastIndexOf(TERM);
        if (at <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new State(detail.substring(0, at), Long.parseLong(detail.substring(at + TERM.length()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
