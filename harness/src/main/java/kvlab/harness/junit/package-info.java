/**
 * JUnit 5 glue: {@link kvlab.harness.junit.SimulationExtension} gives a test its seeded
 * {@link kvlab.harness.sim.Simulation}, turns a failure into a message carrying the seed and the command
 * that replays it, and writes the trace digest and JSON export the grader reads.
 *
 * <p>Layering: the top of the harness; nothing else in the harness imports this package (see
 * {@link kvlab.harness.sim}).
 */
package kvlab.harness.junit;
