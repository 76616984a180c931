package kvlab.harness.sim;

/**
 * Thrown by {@link Simulation#runUntil} when the awaited condition is still false once the
 * virtual-time limit has passed. It is an {@link AssertionError} so that a test fails (rather than
 * errors) and the message is what a student reads first: what was awaited, the virtual time, the
 * seed and how to replay.
 */
public final class SimulationTimeoutException extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private final long virtualTime;

    SimulationTimeoutException(String message, long seed, long virtualTime) {
        super(message);
        this.seed = seed;
        this.virtualTime = virtualTime;
    }

    /** The seed of the simulation that timed out. */
    public long seed() {
        return seed;
    }

    /** The virtual time, in milliseconds, when the limit was reached. */
    public long virtualTime() {
        return virtualTime;
    }
}
