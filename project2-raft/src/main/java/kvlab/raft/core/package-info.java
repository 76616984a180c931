/**
 * Project 2A, the part students write: the Raft log ({@link kvlab.raft.core.RaftLog}), the leader's
 * view of each follower ({@link kvlab.raft.core.Progress}), the state machine
 * ({@link kvlab.raft.core.Raft}, with the leader role in {@code Leader}) and the application's handle
 * ({@link kvlab.raft.core.RawNode}). Pure code: no threads, clock, I/O or unseeded randomness.
 */
package kvlab.raft.core;
