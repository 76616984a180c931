/**
 * Simulated nodes: a {@link kvlab.harness.cluster.Cluster} builds {@link kvlab.harness.cluster.SimNode}s
 * with a {@link kvlab.harness.cluster.NodeFactory}, gives each a {@link kvlab.harness.cluster.NodeContext}
 * and a {@link kvlab.harness.disk.SimDisk}, ticks them over a {@link kvlab.harness.net.SimNetwork}, and
 * lets a test crash, restart, pause and resume them. {@link kvlab.harness.cluster.RoleTrace} traces each
 * node's protocol role and term for the reports.
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
 * <p>Layering: imports {@code kvlab.harness.sim} and {@code kvlab.harness.net}, never
 * {@code kvlab.harness.junit} (see {@link kvlab.harness.sim}).
 */
package kvlab.harness.cluster;
