package kvlab.harness.linearizability;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict of {@link LinearizabilityChecker}: {@link Ok}, {@link Illegal} or {@link Unknown}.
 * Immutable. {@link #describe()} is the text a failing test should print.
 */
public sealed interface CheckResult {

    /** The three verdicts, for assertions and switches. */
    enum Outcome { OK, ILLEGAL, UNKNOWN }

    Outcome outcome();

    /** Search steps spent over all keys. */
    long steps();

    /** A human-readable account of the verdict. */
    String describe();

    /** Every key's operations are linearizable. */
    record Ok(int operations, int keys, long steps) implements CheckResult {
        @Override
        public Outcome outcome() {
            return Outcome.OK;
        }

        @Override
        public String describe() {
            return "linearizable: " + operations + " operations on " + keys + " keys (" + steps
                    + " search steps)";
        }
    }

    /**
     * At least one key is not linearizable. {@code violation} is the key whose illegal prefix ends
     * earliest (the first anomaly in time); {@code otherIllegalKeys} lists the rest, in key order.
     */
    record Illegal(Violation violation, List<String> otherIllegalKeys, long steps) implements CheckResult {
        public Illegal {
            otherIllegalKeys = List.copyOf(otherIllegalKeys);
        }

        @Override
        public Outcome outcome() {
            return Outcome.ILLEGAL;
        }

        @Override
        public String describe() {
            String others = otherIllegalKeys.isEmpty() ? ""
                    : "\nAlso not linearizable: " + quoted(otherIllegalKeys);
            return violation.describe().stripTrailing() + others;
        }
    }

    /**
     * No key is known to be illegal, but the search for {@code keys} ran out of its step budget, so
     * their histories are neither proven linearizable nor proven illegal.
     */
    record Unknown(List<String> keys, long maxStepsPerKey, long steps) implements CheckResult {
        public Unknown {
            keys = List.copyOf(keys);
        }

        @Override
        public Outcome outcome() {
            return Outcome.UNKNOWN;
        }

        @Override
        public String describe() {
            return "unknown: the search for key " + quoted(keys) + " used its budget of " + maxStepsPerKey
                    + " steps without a verdict (no key was found illegal). Raise"
                    + " CheckOptions.maxStepsPerKey, or record a shorter or less concurrent history.";
        }
    }

    private static String quoted(List<String> keys) {
        return keys.stream().map(KvOp::quote).collect(Collectors.joining(", "));
    }
}
