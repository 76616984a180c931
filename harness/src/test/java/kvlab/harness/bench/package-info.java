/** Benchmarks of the kernel; not simulated code, so they may read the wall clock. */
package kvlab.harness.bench;
