/**
 * Project 2B: a fault-tolerant key/value store on the Raft library. This package holds the provided
 * wire protocol between clients and peers: a client sends a {@link kvlab.kv.Command} to a peer and gets
 * one {@link kvlab.kv.KvResponse} back. The peer students write is in {@link kvlab.kv.peer}; the
 * provided client that retries across peers is in {@link kvlab.kv.client}.
 */
package kvlab.kv;
