/**
 * Linearizability checking for key/value histories.
 *
 * <p>Record what clients do in a {@link kvlab.harness.linearizability.History} (invoke, then
 * {@code ok} or nothing for an operation that never returned), then ask
 * {@link kvlab.harness.linearizability.LinearizabilityChecker#check(History)} for a
 * {@link kvlab.harness.linearizability.CheckResult}: OK, ILLEGAL with an explanation of the smallest
 * illegal prefix, or UNKNOWN when the step budget ran out. A test typically fails with
 * {@code result.describe()} unless the outcome is OK.
 *
 * <p>Everything here is deterministic and single-threaded and never reads the clock (the checker's
 * benchmark, {@code CheckerBenchmark}, is in the harness's test sources).
 */
package kvlab.harness.linearizability;
