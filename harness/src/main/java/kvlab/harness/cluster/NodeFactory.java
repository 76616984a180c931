package kvlab.harness.cluster;

/**
 * Builds a node, at cluster start and again at every restart. A restarted node must rebuild its
 * state from {@link NodeContext#disk()}, which then holds only what was synced before the crash.
 *
 * @param <N> the node type
 */
@FunctionalInterface
public interface NodeFactory<N extends SimNode> {
    /** A new node bound to {@code context}. */
    N create(NodeContext context);
}
