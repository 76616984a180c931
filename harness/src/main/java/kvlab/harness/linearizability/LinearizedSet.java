package kvlab.harness.linearizability;

import java.util.Arrays;
import java.util.Objects;

/**
 * The set of operations (by local index) placed in the current partial linearization, and the search
 * states it is part of. A search remembers every (set, key state) pair it has expanded so that it never
 * explores the same situation twice (Lowe, "Testing for linearizability", 2017).
 */
final class LinearizedSet {
    private final long[] words;

    LinearizedSet(int size) {
        words = new long[Math.max(1, (size + 63) / 64)];
    }

    private LinearizedSet(long[] words) {
        this.words = words;
    }

    void set(int i) {
        words[i >>> 6] |= 1L << i;
    }

    void clear(int i) {
        words[i >>> 6] &= ~(1L << i);
    }

    boolean contains(int i) {
        return (words[i >>> 6] & (1L << i)) != 0;
    }

    /** An independent copy, for reports. */
    LinearizedSet copy() {
        return new LinearizedSet(words.clone());
    }

    /**
     * This set together with a key state, as an immutable value with content equality.
     *
     * <p>It stores only the words between the first that is not full and the last that is not empty:
     * operations are placed roughly in history order, so the set is almost always "everything up to
     * here, plus a few", and a cache of thousands of states stays small.
     */
    SearchState with(String state) {
        int lo = 0;
        while (lo < words.length && words[lo] == -1L) {
            lo++;
        }
        int hi = words.length - 1;
        while (hi >= lo && words[hi] == 0L) {
            hi--;
        }
        return new SearchState(lo, Arrays.copyOfRange(words, lo, hi + 1), state);
    }

    /** A (linearized set, key state) pair; equal pairs lead to the same search below them. */
    static final class SearchState {
        private final int fullWords;
        private final long[] window;
        private final String state;
        private final int hash;

        private SearchState(int fullWords, long[] window, String state) {
            this.fullWords = fullWords;
            this.window = window;
            this.state = state;
            this.hash = 31 * (31 * fullWords + Arrays.hashCode(window)) + Objects.hashCode(state);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SearchState s && hash == s.hash && fullWords == s.fullWords
                    && Arrays.equals(window, s.window) && Objects.equals(state, s.state);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
