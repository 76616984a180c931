package kvlab.txn.server;

/**
 * The answer to a {@link ResolveLockRequest}: how many locks of the transaction it settled. Resolving
 * cannot fail: every lock it touches is the transaction's own.
 *
 * @param resolvedKeys the number of keys committed or rolled back; 0 if the transaction held no lock
 */
public record ResolveLockResponse(int resolvedKeys) {}
