package kvlab.grader.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import kvlab.grader.engine.TracedRun.TraceDigest;

/**
 * Runs a simulated test twice under the same seed and compares the trace digests: under the
 * harness, a seed fixes everything, so different digests mean the code under simulation reached
 * for something outside it.
 *
 * @param first the first run
 * @param second the second run, same test and seed
 */
public record Determinism(TracedRun first, TracedRun second) {
    /** Why two runs can differ, for the reader of a failure. */
    private static final String CAUSES = "code under simulation reads the clock, starts threads or iterates an"
            + " identity-hashed collection";

    /** Runs {@code test} twice under {@code seed}, each in a fresh fork. */
    public static Determinism check(ForkSpec spec, GradedTest test, long seed, boolean full) {
        return new Determinism(TracedRun.run(spec, test, seed, full, false),
                TracedRun.run(spec, test, seed, false, false));
    }

    /**
     * Runs {@code tests} under {@code seed} twice, the two runs side by side in forks of their own,
     * and returns the first run's outcomes, except that a test whose runs differ (in trace digest or
     * in result) fails as non-deterministic. A test without a digest (it took no {@code Simulation})
     * is compared by result alone.
     *
     * @param progress hears about the first run only
     * @param budget what both runs must keep
     */
    public static List<TestOutcome> runTwice(ForkSpec spec, List<GradedTest> tests, long seed,
                                             TestRunner.Progress progress, Budget budget) {
        try (TraceExport firstExport = TraceExport.create(); TraceExport secondExport = TraceExport.create()) {
            // The grader's own thread: simulation rules bind the code under test, not the grader.
            CompletableFuture<List<TestOutcome>> secondRun = CompletableFuture.supplyAsync(
                    () -> TestRunner.run(secondExport.applyTo(spec, false), tests, seed, TestRunner.Progress.SILENT,
                            budget),
                    task -> new Thread(task, "kvlab-determinism").start());
            List<TestOutcome> first = TestRunner.run(firstExport.applyTo(spec, false), tests, seed, progress, budget);
            List<TestOutcome> second = join(secondRun);
            Map<String, TraceDigest> firstDigests = firstExport.digests();
            Map<String, TraceDigest> secondDigests = secondExport.digests();
            List<TestOutcome> checked = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                TestOutcome a = first.get(i);
                String id = TraceExport.testId(a.test());
                Optional<String> problem = compare(a, Optional.ofNullable(firstDigests.get(id)), second.get(i),
                        Optional.ofNullable(secondDigests.get(id)));
                checked.add(problem.map(p -> new TestOutcome(a.test(), TestOutcome.Status.FAILED, p,
                        a.message().isEmpty() ? "" : "first run: " + a.message(), a.output(), a.wallMillis(), a.seeded()))
                        .orElse(a));
            }
            return List.copyOf(checked);
        }
    }

    private static List<TestOutcome> join(CompletableFuture<List<TestOutcome>> run) {
        try {
            return run.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** False when no digest can be compared: the test took no {@code Simulation}, or a fork died first. */
    public boolean checkable() {
        return first.digest().isPresent() && second.digest().isPresent();
    }

    /** The problem in words when the two runs differ, empty when they agree (or cannot be compared). */
    public Optional<String> problem() {
        if (!checkable()) {
            return Optional.empty();
        }
        return compare(first.outcome(), first.digest(), second.outcome(), second.digest());
    }

    /** The problem in words when two runs of one test under one seed differ in digest or in result. */
    private static Optional<String> compare(TestOutcome a, Optional<TraceDigest> digestA, TestOutcome b,
                                            Optional<TraceDigest> digestB) {
        if (digestA.isPresent() && digestB.isPresent()) {
            String x = digestA.get().digest();
            String y = digestB.get().digest();
            if (x.equals(y) && a.status() == b.status()) {
                return Optional.empty();
            }
            return Optional.of("non-deterministic: same seed gave digests " + x + " and " + y
                    + (x.equals(y) ? " but different results" : "") + " — " + CAUSES);
        }
        if (a.status() == b.status()) {
            return Optional.empty();
        }
        return Optional.of("non-deterministic: same seed gave results " + a.status().name().toLowerCase(Locale.ROOT)
                + " and " + b.status().name().toLowerCase(Locale.ROOT) + " — " + CAUSES);
    }
}
