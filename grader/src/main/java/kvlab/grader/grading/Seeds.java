package kvlab.grader.grading;

import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * The seeds a grading run uses: {@code first, first+1, ...}, where {@code first} is given or fresh
 * every run. Consecutive seeds are as good as random ones (the harness hashes a seed before drawing
 * from it) and let one number, {@code --seed first}, replay a whole run.
 */
public final class Seeds {
    private static final SecureRandom FRESH = new SecureRandom();

    private Seeds() {
    }

    /** {@code count} consecutive seeds from {@code first}, or from a fresh positive number when empty. */
    public static List<Long> choose(OptionalLong first, int count) {
        // Fresh seeds stay below 2^31 so that people can read and type them.
        long start = first.isPresent() ? first.getAsLong() : 1 + FRESH.nextInt(Integer.MAX_VALUE - count);
        return LongStream.range(0, count).map(i -> start + i).boxed().toList();
    }
}
