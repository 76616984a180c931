/**
 * The in-memory {@link kvlab.harness.engine.Engine} for simulations, {@link
 * kvlab.harness.engine.memory.MemoryEngine}: sorted maps in memory, durable exactly as far as a
 * batch log (CRC'd records) on the node's simulated disk.
 */
package kvlab.harness.engine.memory;
