package kvlab.harness.cluster;

/** Whether a node of a {@link Cluster} is running. */
public enum NodeState {
    /** Running: receives messages, ticks and timers. */
    UP,
    /** Frozen: keeps its state in memory but receives nothing and is not ticked. */
    PAUSED,
    /** Gone: its object is dropped and its disk lost unsynced writes; only a restart brings it back. */
    CRASHED
}
