package kvlab.txn.sim;

/**
 * What travels between the nodes of Project 4: a request or a response, matched by the id the
 * caller chose. Records, so that traces show them without identity hashes.
 */
public sealed interface Envelope permits Envelope.Call, Envelope.Reply {
    /** The caller's id of the exchange. */
    long id();

    /** A request {@code body} (a server request record or a {@link TimestampRequest}). */
    record Call(long id, Object body) implements Envelope {}

    /** The answer {@code body} to the call with the same id. */
    record Reply(long id, Object body) implements Envelope {}

    /** Asks the oracle for one fresh timestamp. */
    record TimestampRequest() {}

    /** A timestamp from the oracle: larger than every one it handed out before. */
    record TimestampResponse(long ts) {}
}
