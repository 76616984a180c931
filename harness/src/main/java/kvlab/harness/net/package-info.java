/** The simulated network: latency, loss, duplication, partitions, cuts, filters and traffic counters. */
package kvlab.harness.net;
