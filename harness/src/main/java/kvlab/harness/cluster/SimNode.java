package kvlab.harness.cluster;

/**
 * A node run by a {@link Cluster}: a state machine driven only by messages and ticks.
 *
 * <p>Contract: the cluster calls these methods one at a time, from simulation events, and only while
 * the node is up and not paused. They must not block, sleep, start threads, read the wall clock or
 * use randomness other than {@link NodeContext#random()}. Everything the node needs to survive a
 * crash must be on {@link NodeContext#disk()} and synced; after a crash this object is dropped and
 * the factory builds a new one.
 */
public interface SimNode {
    /** Handles a message from node {@code from}. */
    void onMessage(int from, Object message);

    /** Called once per tick interval of virtual time (the node's only sense of time passing). */
    void onTick();
}
