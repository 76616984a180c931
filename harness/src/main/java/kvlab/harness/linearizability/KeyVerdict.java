package kvlab.harness.linearizability;

/**
 * The verdict for one key.
 *
 * @param key the key
 * @param outcome OK, ILLEGAL or UNKNOWN for this key alone
 * @param steps search steps spent on it
 * @param violation the explanation when ILLEGAL, otherwise null
 */
record KeyVerdict(String key, CheckResult.Outcome outcome, long steps, Violation violation) {
}
