package kvlab.harness.linearizability;

import java.util.Locale;

/**
 * Times the checker on a generated linearizable history: 10,000 operations, 5 keys, 10 clients.
 * Arguments {@code [seed] [runs]}; run it as the README's "Kernel and checker benchmarks" says.
 *
 * <p>It reads the clock: it measures, and decides nothing. It lives with the tests, out of the harness jar.
 */
public final class CheckerBenchmark {
    static final int OPERATIONS = 10_000;
    static final int KEYS = 5;
    static final int CLIENTS = 10;

    private CheckerBenchmark() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long start = System.nanoTime();
        History history = KvHistoryGenerator.generate(seed, OPERATIONS, KEYS, CLIENTS);
        long pending = history.ops().stream().filter(KvOp::pending).count();
        System.out.printf(Locale.ROOT, "generated %d operations (%d pending) on %d keys by %d clients in %.1f ms%n",
                OPERATIONS, pending, KEYS, CLIENTS, millisSince(start));
        double first = 0;
        double best = Double.MAX_VALUE;
        for (int run = 1; run <= runs; run++) {
            start = System.nanoTime();
            CheckResult result = LinearizabilityChecker.check(history);
            double ms = millisSince(start);
            if (run == 1) {
                first = ms;
                System.out.println("run 1: " + result.describe());
            }
            best = Math.min(best, ms);
        }
        System.out.printf(Locale.ROOT, "check: first run %.1f ms (cold JVM), best of %d runs %.1f ms%n", first, runs, best);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
