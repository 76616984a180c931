/**
 * Provided machinery that runs a Raft node inside the deterministic simulation (students do not edit
 * it): {@link kvlab.raft.sim.RaftNode} is the application loop (tick, step, and the
 * {@link kvlab.raft.Ready} protocol: persist and sync, send, apply, advance), {@link kvlab.raft.sim.RaftDisk}
 * the durable log on the node's simulated disk, and {@link kvlab.raft.sim.RaftListener} the hook through
 * which the cluster tests' invariant checker watches every event.
 */
package kvlab.raft.sim;
