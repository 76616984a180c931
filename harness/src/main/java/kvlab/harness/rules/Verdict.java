package kvlab.harness.rules;

/** What a {@link Rule} decides about the references it covers. */
sealed interface Verdict {
    /** The reference is allowed. */
    record Allow() implements Verdict {}

    /**
     * The reference is a violation.
     *
     * @param reason why, in a few words a student understands ("student code never touches files")
     */
    record Deny(String reason) implements Verdict {}
}
