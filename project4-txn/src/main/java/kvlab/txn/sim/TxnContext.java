package kvlab.txn.sim;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * What a {@link Transaction} may use to act: calls to the server and the oracle, and timers. It is
 * its only window on the world, so it never blocks, sleeps, starts threads or reads a clock.
 *
 * <p>Contract:
 * <ol>
 *   <li>A call is RESENT, unchanged, every {@link TxnClientNode#RESEND_MS} ms until an answer arrives
 *       (the network may drop requests and answers), so the server may run it more than once. Each
 *       callback runs at most once, with the first answer; later duplicates are ignored.
 *   <li>Callbacks and timers run later, from simulation events, never inside the call that set them.
 *   <li>When the client node crashes, no callback or timer of its transactions ever runs again.
 * </ol>
 */
public interface TxnContext {
    /** Sends {@code request} (a {@code kvlab.txn.server} request record) to the server; {@code onAnswer} gets its response. */
    void call(Object request, Consumer<Object> onAnswer);

    /** Asks the oracle for a fresh timestamp, larger than every timestamp it handed out before. */
    void timestamp(LongConsumer onTimestamp);

    /** Runs {@code action} after {@code delayMs} of virtual time (a backoff). */
    void after(long delayMs, String label, Runnable action);

    /** Adds a note to the simulation's trace (shown when a test fails). */
    void trace(String detail);
}
