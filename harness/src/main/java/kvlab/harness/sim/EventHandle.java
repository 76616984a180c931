package kvlab.harness.sim;

/** A scheduled action that has not necessarily run yet; lets its owner cancel it. */
public interface EventHandle {
    /**
     * Cancels the action if it has not run.
     *
     * @return true if the action was pending and will now never run; false if it already ran or
     *     was already cancelled
     */
    boolean cancel();

    /** Whether the action is still due to run (neither run nor cancelled). */
    boolean isPending();

    /** The virtual time, in milliseconds, at which the action is (or was) due. */
    long time();
}
