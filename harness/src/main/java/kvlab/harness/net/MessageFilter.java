package kvlab.harness.net;

/**
 * Decides which messages a test wants the network to lose, like etcd-raft's {@code ignore(type)}
 * and TinyKV's filters. Added by name with {@link SimNetwork#addFilter} and removed by that name.
 * Applied when a message is sent.
 */
@FunctionalInterface
public interface MessageFilter {
    /** Whether to drop {@code message} sent from {@code from} to {@code to}. */
    boolean drops(int from, int to, Object message);
}
