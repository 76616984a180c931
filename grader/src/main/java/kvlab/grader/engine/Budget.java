package kvlab.grader.engine;

import java.time.Duration;

/**
 * A wall-clock budget that a run of tests must keep: once it is used up, the test that is running
 * is stopped and the tests after it are not run, each with {@link #reason} saying which budget it
 * was. It bounds a whole grading even when every test hangs.
 *
 * @param startNanos when the budget started, by {@link System#nanoTime}
 * @param length how long it lasts
 * @param reason what was used up, e.g. "part 2a used up its wall-clock budget of 300 s (--part-budget)"
 */
public record Budget(long startNanos, Duration length, String reason) {
    /** No budget: for replays and stress runs, which a person watches. */
    public static final Budget UNLIMITED = new Budget(0, Duration.ofNanos(Long.MAX_VALUE), "");

    public Budget {
        if (length.isNegative()) {
            throw new IllegalArgumentException("a budget cannot be negative: " + length);
        }
    }

    /** A budget of {@code length} starting now. */
    public static Budget startingNow(Duration length, String reason) {
        return new Budget(System.nanoTime(), length, reason);
    }

    /** Nanoseconds left, never negative. */
    public long remainingNanos() {
        if (this == UNLIMITED) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, length.toNanos() - (System.nanoTime() - startNanos));
    }

    public boolean usedUp() {
        return remainingNanos() == 0;
    }

    /** Whichever of the two budgets runs out first. */
    public Budget earliest(Budget other) {
        return other.remainingNanos() < remainingNanos() ? other : this;
    }
}
