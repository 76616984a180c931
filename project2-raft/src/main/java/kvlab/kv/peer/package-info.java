/**
 * Project 2B, the part students write: {@link kvlab.kv.peer.KvPeer} (the Ready loop and client
 * commands), {@link kvlab.kv.peer.Proposals} (which client waits for which log entry) and
 * {@link kvlab.kv.peer.KvStore} (applying committed entries exactly once, with the applied index
 * persisted atomically with the data). Reads go through the Raft log in this part.
 */
package kvlab.kv.peer;
