package kvlab.harness.linearizability;

import java.util.Objects;

/**
 * The sequential specification of one key: its state is the value ({@code null} = absent), and each
 * {@link KvOp} either fits the state (and moves it on) or contradicts it. Keys are independent, which is
 * what lets the checker search each key alone (Horn and Kroening's P-compositionality).
 */
final class KvModel {
    private KvModel() {
    }

    /**
     * Whether {@code op} could have run on a key holding {@code state}: a GET or CAS must have found
     * exactly the state; writes always fit, and so does a pending operation, whose output is unknown.
     */
    static boolean accepts(String state, KvOp op) {
        return !op.kind().observes() || op.pending() || Objects.equals(state, op.output());
    }

    /**
     * Whether {@code op} can never change the state wherever it is placed: a completed GET, or a
     * completed CAS that reported a value other than the one it expected (so it did not swap), or
     * that would swap in the value it expected.
     */
    static boolean isPureRead(KvOp op) {
        return !op.pending() && (op.kind() == KvOp.Kind.GET || (op.kind() == KvOp.Kind.CAS
                && (!Objects.equals(op.output(), op.expected()) || op.value().equals(op.expected()))));
    }

    /** The state after {@code op} ran on {@code state}; only valid when {@link #accepts} holds. */
    static String next(String state, KvOp op) {
        return switch (op.kind()) {
            case GET -> state;
            case PUT -> op.value();
            case APPEND -> state == null ? op.value() : state + op.value();
            case DELETE -> null;
            case CAS -> Objects.equals(state, op.expected()) ? op.value() : state;
        };
    }
}
