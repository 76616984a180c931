/**
 * Provided: {@link kvlab.kv.client.KvClient}, the simulated client that sends commands to the peers and
 * retries them across nodes until one answers OK, recording every operation into a linearizability
 * {@link kvlab.harness.linearizability.History}.
 */
package kvlab.kv.client;
