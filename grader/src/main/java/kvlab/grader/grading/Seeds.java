package kvlab.grader.grading;

import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/** The seeds a grading run uses: a fixed series, or fresh ones every run. */
public final class Seeds {
    private static final SecureRandom FRESH = new SecureRandom();

    private Seeds() {
    }

    /** {@code count} seeds: {@code first, first+1, ...} if given, otherwise fresh positive ones. */
    public static List<Long> choose(OptionalLong first, int count) {
        if (first.isPresent()) {
            return LongStream.range(0, count).map(i -> first.getAsLong() + i).boxed().toList();
        }
        // Below 2^31 so that people can read and type them.
        return LongStream.range(0, count).map(i -> 1 + FRESH.nextInt(Integer.MAX_VALUE - 1)).boxed().toList();
    }
}
