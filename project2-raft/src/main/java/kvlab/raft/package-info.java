/**
 * Project 2: the provided Raft API. Messages ({@link kvlab.raft.Message}, a sealed set of records),
 * log entries, hard and soft state, snapshots, {@link kvlab.raft.Config}, the {@link kvlab.raft.Storage}
 * contract with {@link kvlab.raft.MemoryStorage}, and {@link kvlab.raft.Ready}, the one value through
 * which everything leaves the Raft core, with its caller protocol. Students do not edit this package;
 * they implement {@code kvlab.raft.core} against it.
 */
package kvlab.raft;
