package kvlab.grader;

import java.io.PrintWriter;

/**
 * Where the grader talks: {@code out} for results (the table, listings), {@code err} for progress
 * and diagnostics.
 *
 * @param tty whether {@code err} is a terminal, where progress redraws one line instead of
 *     printing one per test
 */
public record Console(PrintWriter out, PrintWriter err, boolean tty) {
}
