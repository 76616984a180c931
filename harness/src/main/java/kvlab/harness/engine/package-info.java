/**
 * The storage engine contract every store of the course keeps its data behind: {@link
 * kvlab.harness.engine.Engine} (numbered rules), its readers, iterators and write batches, and the
 * three column families. Project 1 implements it on RocksDB; the simulated stores of Projects 2 and 4
 * use the provided {@link kvlab.harness.engine.memory.MemoryEngine}. Provided code: students use it
 * and never edit it.
 */
package kvlab.harness.engine;
