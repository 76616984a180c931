/**
 * The deterministic simulation kernel every KVLab test runs on.
 *
 * <p>How the pieces fit: a {@link kvlab.harness.sim.Simulation} (virtual clock, event queue, seeded
 * random streams, {@link kvlab.harness.trace.Trace}) drives a {@link kvlab.harness.net.SimNetwork};
 * a {@link kvlab.harness.sim.Cluster} builds {@link kvlab.harness.sim.SimNode}s with a
 * {@link kvlab.harness.sim.NodeFactory}, gives each a {@link kvlab.harness.sim.NodeContext} and a
 * {@link kvlab.harness.disk.SimDisk}, ticks them, and lets a test crash, restart, pause and resume
 * them. A test gets its seeded simulation from {@link kvlab.harness.sim.SimulationExtension}, which
 * turns a failure into a message carrying the seed and the command that replays it.
 *
 * <p>A minimal test ({@code PingNode} stands for the test's own node class):
 * <pre>{@code
 * @ExtendWith(SimulationExtension.class)
 * class PingTest {
 *     @Test
 *     void everyoneHearsEveryone(Simulation sim) {
 *         SimNetwork net = new SimNetwork(sim, NetworkConfig.unreliable());
 *         Cluster<PingNode> cluster = Cluster.start(sim, net, List.of(1, 2, 3), 10, PingNode::new);
 *         sim.runUntil(() -> cluster.node(1).heardFromAll(), "node 1 to hear from all peers", 5_000);
 *     }
 * }
 * }</pre>
 *
 * <p>Determinism rules for everything run by the simulation: no wall clock, no sleeping, no
 * threads, no randomness except {@link kvlab.harness.sim.Simulation#random(String)} or
 * {@link kvlab.harness.sim.NodeContext#random()}, no iteration over collections ordered by identity
 * hash codes, and message {@code toString}s free of identity hashes (records are).
 */
package kvlab.harness.sim;
