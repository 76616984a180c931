package kvlab.harness.net;

import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * How the simulated network behaves for each message. Immutable; change a running network's
 * behaviour with {@link SimNetwork#configure}.
 *
 * <p>Per message, the network draws from its random stream: whether to drop it
 * ({@code dropRate}), its latency (uniform in [{@code minLatencyMs}, {@code maxLatencyMs}], so
 * messages on the same link can overtake each other), and whether to deliver a second copy
 * ({@code duplicateRate}) with its own latency.
 *
 * @param minLatencyMs smallest latency, not negative
 * @param maxLatencyMs largest latency, at least {@code minLatencyMs}
 * @param dropRate probability in [0, 1] that a message is lost
 * @param duplicateRate probability in [0, 1] that a message that is not dropped arrives twice
 * @param sizeOf the size in bytes a message counts for in {@link NetworkStats}
 */
public record NetworkConfig(
        long minLatencyMs, long maxLatencyMs, double dropRate, double duplicateRate,
        ToIntFunction<Object> sizeOf) {

    /** The default size of a message: the length of its {@code toString}, a rough but stable proxy. */
    public static final ToIntFunction<Object> TEXT_LENGTH = message -> String.valueOf(message).length();

    /** Validates the ranges. */
    public NetworkConfig {
        if (minLatencyMs < 0 || maxLatencyMs < minLatencyMs) {
            throw new IllegalArgumentException(
                    "latency range must satisfy 0 <= min <= max, was " + minLatencyMs + ".." + maxLatencyMs);
        }
        checkProbability("dropRate", dropRate);
        checkProbability("duplicateRate", duplicateRate);
        Objects.requireNonNull(sizeOf, "sizeOf");
    }

    /** No loss, no duplicates, latency 1 to 5 ms (so messages still reorder). */
    public static NetworkConfig reliable() {
        return new NetworkConfig(1, 5, 0, 0, TEXT_LENGTH);
    }

    /** 10% loss, 2% duplicates, latency 1 to 30 ms: in the spirit of MIT 6.5840's unreliable network. */
    public static NetworkConfig unreliable() {
        return new NetworkConfig(1, 30, 0.10, 0.02, TEXT_LENGTH);
    }

    /** This configuration with another latency range. */
    public NetworkConfig withLatency(long minMs, long maxMs) {
        return new NetworkConfig(minMs, maxMs, dropRate, duplicateRate, sizeOf);
    }

    /** This configuration with another drop rate. */
    public NetworkConfig withDropRate(double rate) {
        return new NetworkConfig(minLatencyMs, maxLatencyMs, rate, duplicateRate, sizeOf);
    }

    /** This configuration with another duplicate rate. */
    public NetworkConfig withDuplicateRate(double rate) {
        return new NetworkConfig(minLatencyMs, maxLatencyMs, dropRate, rate, sizeOf);
    }

    /** This configuration with another size function. */
    public NetworkConfig withSizeOf(ToIntFunction<Object> function) {
        return new NetworkConfig(minLatencyMs, maxLatencyMs, dropRate, duplicateRate, function);
    }

    @Override
    public String toString() {
        return "latency " + minLatencyMs + ".." + maxLatencyMs + " ms, drop " + dropRate
                + ", duplicate " + duplicateRate;
    }

    private static void checkProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + p);
        }
    }
}
