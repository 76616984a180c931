package kvlab.raft;

/**
 * The answer to a read-index request (Raft thesis §6.4), used from Project 2B on: once this node has
 * applied up to {@code index}, a read issued with {@code context} may be served linearizably.
 *
 * @param index the commit index at the time the read was confirmed
 * @param context the request's id, as given to the read-index call
 */
public record ReadState(long index, long context) {}
