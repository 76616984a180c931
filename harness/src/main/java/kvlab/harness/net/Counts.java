package kvlab.harness.net;

/**
 * Message and byte counts of one slice of traffic (all of it, one sender, one receiver, or one
 * message type), as counted by {@link NetworkStats}.
 *
 * <p>Every message sent is counted once in {@code sent}; it then ends as delivered or dropped, and
 * if duplicated its second copy also ends as delivered or dropped. Hence, once nothing is in
 * flight: {@code delivered + dropped == sent + duplicated}.
 *
 * @param sent messages handed to the network
 * @param delivered copies handed to their destination
 * @param dropped copies lost (randomly, by a fault or filter, or because a node was down)
 * @param duplicated extra copies the network created
 * @param sentBytes bytes of {@code sent}, per {@link NetworkConfig#sizeOf()}
 * @param deliveredBytes bytes of {@code delivered}
 * @param droppedBytes bytes of {@code dropped}
 * @param duplicatedBytes bytes of {@code duplicated}
 */
public record Counts(
        long sent, long delivered, long dropped, long duplicated,
        long sentBytes, long deliveredBytes, long droppedBytes, long duplicatedBytes) {

    /** No traffic. */
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);
}
