/**
 * The deterministic simulation kernel every KVLab test runs on: a {@link kvlab.harness.sim.Simulation}
 * (virtual clock, event queue ordered by time then insertion, seeded random streams from
 * {@link kvlab.harness.sim.Seeds}, a {@link kvlab.harness.trace.Trace}).
 *
 * <p>The harness is layered, and each layer imports only the ones below it:
 * <ol>
 *   <li>{@code kvlab.harness.sim}: the kernel (this package); it knows nothing of networks or nodes;
 *   <li>{@code kvlab.harness.net}: the simulated network, driven by the kernel;
 *   <li>{@code kvlab.harness.cluster}: nodes on that network, with their disks, crashes, restarts and
 *       pauses, and the role trace that reports draw;
 *   <li>{@code kvlab.harness.junit}: the JUnit extension that hands a test its seeded simulation,
 *       names the replay command when it fails, and exports its trace.
 * </ol>
 *
 * <p>Determinism rules for everything run by the simulation: no wall clock, no sleeping, no
 * threads, no randomness except {@link kvlab.harness.sim.Simulation#random(String)} or a node's
 * own stream ({@code NodeContext.random()}), no iteration over collections ordered by identity
 * hash codes, and message {@code toString}s free of identity hashes (records are).
 */
package kvlab.harness.sim;
