package kvlab.kv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One client operation: the request a client sends to a peer, and (encoded) the data of the Raft
 * entry that carries it through the log.
 *
 * <p>Invariants: {@code seq >= 1}; {@code op} and {@code key} are non-null; {@code value} is non-null
 * exactly when {@link Op#takesValue()}. A client has at most one command outstanding and numbers its
 * commands 1, 2, 3...; a retry resends the same command with the same {@code seq}, which is what lets a
 * peer apply it exactly once (the de-duplication table maps a client to its last applied {@code seq}).
 *
 * @param clientId the client's network id (responses go there)
 * @param seq the client's sequence number for this command
 * @param op what it does
 * @param key the key it acts on
 * @param value the argument of PUT and APPEND, else {@code null}
 */
public record Command(int clientId, long seq, Op op, String key, String value) {
    public Command {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(key, "key");
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1, was " + seq);
        }
        if (op.takesValue() != (value != null)) {
            throw new IllegalArgumentException(op + " must " + (op.takesValue() ? "" : "not ") + "have a value");
        }
    }

    /** The bytes of the Raft entry that carries this command; {@link #decode} reads them back. */
    public byte[] encode() {
        byte[] k = key.getBytes(UTF_8);
        byte[] v = value == null ? new byte[0] : value.getBytes(UTF_8);
        return ByteBuffer.allocate(Integer.BYTES + Long.BYTES + 1 + 2 * Integer.BYTES + k.length + v.length)
                .putInt(clientId).putLong(seq).put((byte) op.ordinal())
                .putInt(k.length).put(k).putInt(v.length).put(v).array();
    }

    /**
     * The command {@link #encode} wrote into {@code data}.
     *
     * @throws IllegalArgumentException if {@code data} is not an encoded command
     */
    public static Command decode(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            int clientId = in.getInt();
            long seq = in.getLong();
            Op op = Op.values()[in.get()];
            String key = string(in);
            String value = string(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " trailing bytes");
            }
            return new Command(clientId, seq, op, key, op.takesValue() ? value : null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an encoded command (" + data.length + " bytes): " + e, e);
        }
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, UTF_8);
    }
}
