package kvlab.standalone.server;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link RawScanRequest}.
 *
 * @param kvs the pairs found, in ascending unsigned key order; empty when the request failed
 * @param error why the request failed, or {@code ""}
 */
public record RawScanResponse(List<KvPair> kvs, String error) {
    public RawScanResponse {
        kvs = List.copyOf(kvs);
        Objects.requireNonNull(error, "error");
    }

    /** The scan found {@code kvs}. */
    public static RawScanResponse of(List<KvPair> kvs) {
        return new RawScanResponse(kvs, "");
    }

    /** The request was bad; {@code message} says why and must not be empty. */
    public static RawScanResponse failure(String message) {
        return new RawScanResponse(List.of(), Errors.requireMessage(message));
    }
}
