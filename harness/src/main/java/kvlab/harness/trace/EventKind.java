package kvlab.harness.trace;

/** What a {@link TraceEvent} records. The name appears verbatim in the trace's text form. */
public enum EventKind {
    /** A node handed a message to the network. */
    SEND,
    /** The network handed a message to its destination node. */
    DELIVER,
    /** The network lost a message (random drop, partition, cut, filter, or a node that is down). */
    DROP,
    /** The network decided to deliver a second copy of a message. */
    DUPLICATE,
    /** One tick round: every node that is up and not paused had {@code onTick} called. */
    TICK,
    /** A node was created for the first time. */
    START,
    /** A node crashed: its object is dropped and its disk loses what was not synced. */
    CRASH,
    /** A crashed node was rebuilt from its durable disk. */
    RESTART,
    /** A node was frozen: no messages, no ticks, no timers until resumed. */
    PAUSE,
    /** A paused node runs again. */
    RESUME,
    /** The network's faults changed (partition, cut, isolate, heal, filter, configuration). */
    NETWORK,
    /** A free-form note added by a node or a test. */
    NOTE,
    /**
     * A node's protocol role or term changed, as its test fixture observed it; the detail is
     * {@code "<ROLE> term <TERM>"}, e.g. {@code "LEADER term 3"} (see {@code kvlab.harness.cluster.RoleTrace}).
     */
    STATE
}
