package kvlab.grader.grading;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import kvlab.grader.GradingException;
import kvlab.grader.engine.Budget;
import kvlab.grader.engine.TestOutcome;
import kvlab.grader.engine.TestRunner;

/**
 * Runs a target's tests under many seeds, {@value #FORKS} forks at a time (the grader's own
 * threads: simulation rules bind the code under test, not the grader). {@code stress} uses it, and
 * so does grading for every seed after the first.
 */
public final class Stress {
    /** Forks at once: the machines this runs on have two cores. */
    static final int FORKS = 2;

    private Stress() {
    }

    /**
     * One test's run under one seed.
     *
     * @param seed the seed
     * @param outcome how it ended
     */
    public record Run(long seed, TestOutcome outcome) {
    }

    /**
     * Every test under every seed; returns the runs ordered by seed, then by test order.
     *
     * @param progress gets one line per finished seed, starting {@code [label]}
     * @param budget what all the runs together must keep
     */
    public static List<Run> run(Target target, List<Long> seeds, PrintWriter progress, String label, Budget budget) {
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(seeds);
        List<Run> runs = new ArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        for (int i = 0; i < Math.min(FORKS, seeds.size()); i++) {
            Thread worker = new Thread(() -> {
                try {
                    for (Long next = queue.poll(); next != null; next = queue.poll()) {
                        long seed = next;
                        List<TestOutcome> outcomes = TestRunner.run(target.spec(), target.tests(), seed,
                                TestRunner.Progress.SILENT, budget);
                        synchronized (runs) {
                            outcomes.forEach(o -> runs.add(new Run(seed, o)));
                            report(progress, label, seed, outcomes, finished.incrementAndGet(), seeds.size());
                        }
                    }
                } catch (RuntimeException e) {
                    synchronized (runs) {
                        errors.add(e);
                    }
                }
            }, "kvlab-stress-" + i);
            workers.add(worker);
            worker.start();
        }
        join(workers);
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        List<String> order = target.tests().stream().map(t -> t.className() + "#" + t.methodName()).toList();
        runs.sort(Comparator.comparingInt((Run r) -> seeds.indexOf(r.seed()))
                .thenComparingInt(r -> order.indexOf(r.outcome().test().className() + "#" + r.outcome().test().methodName())));
        return List.copyOf(runs);
    }

    private static void report(PrintWriter progress, String label, long seed, List<TestOutcome> outcomes, int done,
                               int total) {
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        progress.println("[" + label + "] " + done + "/" + total + " seed " + seed + ": "
                + (outcomes.size() - failed) + " passed" + (failed > 0 ? ", " + failed + " FAILED" : ""));
        progress.flush();
    }

    private static void join(List<Thread> workers) {
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GradingException("interrupted while stressing", e);
            }
        }
    }
}
