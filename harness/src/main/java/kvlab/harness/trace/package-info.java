/** The simulation trace: one stable text line per event, and a SHA-256 digest that proves determinism. */
package kvlab.harness.trace;
