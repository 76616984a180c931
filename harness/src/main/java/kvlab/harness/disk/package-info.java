/** The simulated per-node disk: named files whose writes survive a crash only once synced. */
package kvlab.harness.disk;
