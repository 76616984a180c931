package kvlab.harness.net;

/** Receives the messages the network delivers to one node. Called only from simulation events. */
@FunctionalInterface
public interface MessageHandler {
    /** Handles {@code message}, sent by node {@code from}. */
    void deliver(int from, Object message);
}
