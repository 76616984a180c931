package kvlab.grader.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kvlab.grader.fork.Protocol;

/**
 * Runs graded tests in forked JVMs and always accounts for every one of them.
 *
 * <p>Tests run one after another in the order given. When a fork dies (the test called
 * {@code System.exit}, ran out of memory, crashed the JVM, or used up its class's wall-clock
 * budget and was killed), the test that was running fails with that cause and a fresh fork runs
 * the tests after it. A class's budget ({@link ForkSpec#classTimeout}) is the wall time its tests
 * have used in the current fork, JVM start-up included for the first test; a fresh fork starts
 * with a fresh budget.
 *
 * <p>A hang costs a class one limit, not one per test: after a test of a class was killed for time,
 * each later test of that class gets a short limit of its own ({@link #afterHangLimit}), and after
 * {@link #HANGS_PER_CLASS} such kills the rest of the class are not run. A {@link Budget} bounds the
 * whole run: when it is used up, the running test is stopped and the rest are not run.
 */
public final class TestRunner {
    private static final Duration MIN_AFTER_HANG = Duration.ofSeconds(2);
    private static final Duration MAX_AFTER_HANG = Duration.ofSeconds(10);
    /** Kills for time after which the rest of a class are not run: they would most likely hang too. */
    static final int HANGS_PER_CLASS = 2;

    private TestRunner() {
    }

    /** Hears about each test as it starts and ends, for progress display. */
    public interface Progress {
        /** Hears nothing: for runs that report only their outcomes. */
        Progress SILENT = new Progress() {
            @Override
            public void started(GradedTest test, int index, int total) {
            }

            @Override
            public void finished(TestOutcome outcome, int index, int total) {
            }
        };

        void started(GradedTest test, int index, int total);

        void finished(TestOutcome outcome, int index, int total);
    }

    /** Runs {@code tests} under {@code seed} without a budget; see {@link #run(ForkSpec, List, long, Progress, Budget)}. */
    public static List<TestOutcome> run(ForkSpec spec, List<GradedTest> tests, long seed, Progress progress) {
        return run(spec, tests, seed, progress, Budget.UNLIMITED);
    }

    /** Runs {@code tests} under {@code seed} within {@code budget}; returns one outcome per test, in the same order. */
    public static List<TestOutcome> run(ForkSpec spec, List<GradedTest> tests, long seed, Progress progress,
                                        Budget budget) {
        List<TestOutcome> outcomes = new ArrayList<>();
        Map<String, Integer> hangs = new HashMap<>();
        while (outcomes.size() < tests.size()) {
            GradedTest next = tests.get(outcomes.size());
            if (budget.usedUp()) {
                skip(outcomes, TestOutcome.notRun(next, "not run: " + budget.reason()), progress, tests.size());
            } else if (hangs.getOrDefault(next.className(), 0) >= HANGS_PER_CLASS) {
                skip(outcomes, TestOutcome.notRun(next, "not run: " + HANGS_PER_CLASS
                        + " earlier tests of this class hung, so the rest of it would most likely hang too"),
                        progress, tests.size());
            } else {
                // Hangs change only when a fork is killed, which ends it: the fork runs up to the next skipped test.
                int end = outcomes.size() + 1;
                while (end < tests.size() && hangs.getOrDefault(tests.get(end).className(), 0) < HANGS_PER_CLASS) {
                    end++;
                }
                new Session(spec, tests.subList(0, end), outcomes, progress, budget, hangs, tests.size()).run(seed);
            }
        }
        return List.copyOf(outcomes);
    }

    /**
     * The wall-clock limit of each test of a class after one of its tests hung: a twelfth of the class
     * budget, between 2 and 10 s (10 s at the default budget of 120 s), which is far more than any
     * graded test takes on its own.
     */
    static Duration afterHangLimit(Duration classTimeout) {
        Duration share = classTimeout.dividedBy(12);
        return share.compareTo(MIN_AFTER_HANG) < 0 ? MIN_AFTER_HANG
                : share.compareTo(MAX_AFTER_HANG) > 0 ? MAX_AFTER_HANG : share;
    }

    private static void skip(List<TestOutcome> outcomes, TestOutcome notRun, Progress progress, int total) {
        outcomes.add(notRun);
        progress.finished(notRun, outcomes.size() - 1, total);
    }

    /** One fork's share of the work: the tests of {@code upTo} not yet run when it started. */
    private static final class Session {
        private final ForkSpec spec;
        private final List<GradedTest> upTo;
        private final List<TestOutcome> outcomes;
        private final Progress progress;
        private final Budget budget;
        /** Kills for time per test class, over every fork of the run. */
        private final Map<String, Integer> hangs;
        private final int total;
        private final int first;
        private final Map<String, Long> classNanos = new HashMap<>();
        private long currentSince = System.nanoTime();
        private boolean stoppedByBudget;

        Session(ForkSpec spec, List<GradedTest> upTo, List<TestOutcome> outcomes, Progress progress, Budget budget,
                Map<String, Integer> hangs, int total) {
            this.spec = spec;
            this.upTo = upTo;
            this.outcomes = outcomes;
            this.progress = progress;
            this.budget = budget;
            this.hangs = hangs;
            this.total = total;
            this.first = outcomes.size();
        }

        void run(long seed) {
            try (Fork fork = Fork.run(spec, seed, upTo.subList(first, upTo.size()))) {
                while (fork.poll(this::handle)) {
                    if (budget.usedUp()) {
                        stoppedByBudget = true;
                        fork.kill();
                    } else if (overLimit()) {
                        Duration limit = limit();
                        if (!allEnded()) {
                            hangs.merge(current().className(), 1, Integer::sum);
                        }
                        fork.timeOut(limit);
                    }
                }
                // A fork may also die after its last test ended (a stray thread calling exit): no one to blame.
                if (!fork.isDone() && !allEnded()) {
                    blameCurrent(fork);
                }
            }
        }

        private void handle(String[] event) {
            switch (event[0]) {
                case Protocol.START -> {
                    currentSince = System.nanoTime();
                    progress.started(current(), outcomes.size(), total);
                }
                case Protocol.END -> {
                    TestOutcome outcome = new TestOutcome(current(),
                            event[2].equals(Protocol.PASSED) ? TestOutcome.Status.PASSED : TestOutcome.Status.FAILED,
                            Protocol.untext(event[4]), Protocol.untext(event[5]), Protocol.untext(event[6]),
                            Long.parseLong(event[3]), event[7].equals(Protocol.SEED_READ));
                    finish(outcome);
                }
                default -> {
                    // done and exit are tracked by the fork itself.
                }
            }
        }

        private boolean allEnded() {
            return outcomes.size() == upTo.size();
        }

        /** The test that is running, or would run next: the fork runs them in order. */
        private GradedTest current() {
            return upTo.get(outcomes.size());
        }

        private boolean overLimit() {
            long sinceStart = System.nanoTime() - currentSince;
            if (allEnded()) {
                // Every test ended, yet the fork lingers (say a test's shutdown hook hangs): reclaim it.
                return sinceStart > spec.classTimeout().toNanos();
            }
            if (hangs.containsKey(current().className())) {
                return sinceStart > afterHangLimit(spec.classTimeout()).toNanos();
            }
            return classNanos.getOrDefault(current().className(), 0L) + sinceStart > spec.classTimeout().toNanos();
        }

        /** The limit the running test is held to, for the reader of its failure. */
        private Duration limit() {
            return !allEnded() && hangs.containsKey(current().className()) ? afterHangLimit(spec.classTimeout())
                    : spec.classTimeout();
        }

        private void finish(TestOutcome outcome) {
            long spent = System.nanoTime() - currentSince;
            classNanos.merge(outcome.test().className(), spent, Long::sum);
            currentSince = System.nanoTime();
            outcomes.add(outcome);
            progress.finished(outcome, outcomes.size() - 1, total);
        }

        private void blameCurrent(Fork fork) {
            String raw = fork.rawOutput().strip();
            String output = raw.isEmpty() ? "" : "JVM output:\n" + raw + "\n";
            String cause = stoppedByBudget ? "stopped: " + budget.reason() : fork.deathCause();
            finish(new TestOutcome(current(), TestOutcome.Status.ERRORED, cause, "", output,
                    (System.nanoTime() - currentSince) / 1_000_000, true));
        }
    }
}
