package kvlab.harness.cluster;

import java.util.List;
import java.util.random.RandomGenerator;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.sim.EventHandle;

/**
 * Everything a node may use to act on the world: its identity, its peers, its disk, the network, a
 * random stream, the virtual clock, timers and the trace.
 *
 * <p>A context belongs to one incarnation of a node: after the node crashes, its context's messages
 * are dropped and its timers never fire; a restart gets a fresh context.
 */
public interface NodeContext {
    /** This node's id. */
    int id();

    /** The ids of the other nodes of the cluster, sorted (this node excluded). */
    List<Integer> peers();

    /** This node's disk; it survives crashes, minus what was not synced. */
    SimDisk disk();

    /** Sends {@code message} to node {@code to} over the simulated network. */
    void send(int to, Object message);

    /** This node's random stream (the simulation stream {@code "node-<id>"}, shared by its incarnations). */
    RandomGenerator random();

    /** The current virtual time in milliseconds. */
    long now();

    /**
     * Runs {@code action} after {@code delayMs} of virtual time, unless this incarnation has crashed
     * by then. If the node is paused when the timer is due, it runs when the node is resumed.
     */
    EventHandle schedule(long delayMs, String label, Runnable action);

    /** Adds a NOTE event for this node to the trace. */
    void trace(String detail);
}
