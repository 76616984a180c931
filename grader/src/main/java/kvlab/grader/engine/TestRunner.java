package kvlab.grader.engine;

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
 */
public final class TestRunner {
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

    /** Runs {@code tests} under {@code seed}; returns one outcome per test, in the same order. */
    public static List<TestOutcome> run(ForkSpec spec, List<GradedTest> tests, long seed, Progress progress) {
        List<TestOutcome> outcomes = new ArrayList<>();
        while (outcomes.size() < tests.size()) {
            new Session(spec, tests, outcomes, progress).run(seed);
        }
        return List.copyOf(outcomes);
    }

    /** One fork's share of the work: the tests not yet run when it started. */
    private static final class Session {
        private final ForkSpec spec;
        private final List<GradedTest> all;
        private final List<TestOutcome> outcomes;
        private final Progress progress;
        private final int first;
        private final Map<String, Long> classNanos = new HashMap<>();
        private long currentSince = System.nanoTime();

        Session(ForkSpec spec, List<GradedTest> all, List<TestOutcome> outcomes, Progress progress) {
            this.spec = spec;
            this.all = all;
            this.outcomes = outcomes;
            this.progress = progress;
            this.first = outcomes.size();
        }

        void run(long seed) {
            try (Fork fork = Fork.run(spec, seed, all.subList(first, all.size()))) {
                while (fork.poll(this::handle)) {
                    if (overBudget()) {
                        fork.timeOut();
                    }
                }
                // A fork may also die after its last test ended (a stray thread calling exit): no one to blame.
                if (!fork.isDone() && outcomes.size() < all.size()) {
                    blameCurrent(fork);
                }
            }
        }

        private void handle(String[] event) {
            switch (event[0]) {
                case Protocol.START -> {
                    currentSince = System.nanoTime();
                    progress.started(current(), outcomes.size(), all.size());
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

        /** The test that is running, or would run next: the fork runs them in order. */
        private GradedTest current() {
            return all.get(outcomes.size());
        }

        private boolean overBudget() {
            if (outcomes.size() == all.size()) {
                // Every test ended, yet the fork lingers (say a test's shutdown hook hangs): reclaim it.
                return System.nanoTime() - currentSince > spec.classTimeout().toNanos();
            }
            String className = current().className();
            long used = classNanos.getOrDefault(className, 0L) + System.nanoTime() - currentSince;
            return used > spec.classTimeout().toNanos();
        }

        private void finish(TestOutcome outcome) {
            long spent = System.nanoTime() - currentSince;
            classNanos.merge(outcome.test().className(), spent, Long::sum);
            currentSince = System.nanoTime();
            outcomes.add(outcome);
            progress.finished(outcome, outcomes.size() - 1, all.size());
        }

        private void blameCurrent(Fork fork) {
            String raw = fork.rawOutput().strip();
            String output = raw.isEmpty() ? "" : "JVM output:\n" + raw + "\n";
            finish(new TestOutcome(current(), TestOutcome.Status.ERRORED, fork.deathCause(), "", output,
                    (System.nanoTime() - currentSince) / 1_000_000, true));
        }
    }
}
