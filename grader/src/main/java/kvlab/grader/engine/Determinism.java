package kvlab.grader.engine;

import java.util.Optional;

/**
 * Runs a simulated test twice under the same seed and compares the trace digests: under the
 * harness, a seed fixes everything, so different digests mean the code under simulation reached
 * for something outside it.
 *
 * @param first the first run
 * @param second the second run, same test and seed
 */
public record Determinism(TracedRun first, TracedRun second) {
    /** Runs {@code test} twice under {@code seed}, each in a fresh fork. */
    public static Determinism check(ForkSpec spec, GradedTest test, long seed, boolean full) {
        return new Determinism(TracedRun.run(spec, test, seed, full, false),
                TracedRun.run(spec, test, seed, false, false));
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
        String a = first.digest().get().digest();
        String b = second.digest().get().digest();
        if (a.equals(b) && first.outcome().status() == second.outcome().status()) {
            return Optional.empty();
        }
        return Optional.of("non-deterministic: same seed gave digests " + a + " and " + b
                + (a.equals(b) ? " but different results" : "")
                + " — code under simulation reads the clock, starts threads or iterates an identity-hashed"
                + " collection");
    }
}
