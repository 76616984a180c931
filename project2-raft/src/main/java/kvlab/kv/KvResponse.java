package kvlab.kv;

import java.util.Objects;

/**
 * A peer's answer to one {@link Command}, sent to the command's client.
 *
 * @param clientId the client of the command answered
 * @param seq the sequence number of the command answered
 * @param status OK, or where to go instead
 * @param value for an OK GET: the value found, {@code null} when absent; otherwise {@code null}
 * @param leaderHint for NOT_LEADER: the node this peer believes leads, or 0 if it knows none
 */
public record KvResponse(int clientId, long seq, Status status, String value, int leaderHint) {
    public KvResponse {
        Objects.requireNonNull(status, "status");
    }

    /** An OK answer to {@code command} with the result {@code value}. */
    public static KvResponse ok(Command command, String value) {
        return new KvResponse(command.clientId(), command.seq(), Status.OK, value, 0);
    }

    /** A NOT_LEADER answer to {@code command}, pointing at {@code leaderHint} (0 = unknown). */
    public static KvResponse notLeader(Command command, int leaderHint) {
        return new KvResponse(command.clientId(), command.seq(), Status.NOT_LEADER, null, leaderHint);
    }
}
