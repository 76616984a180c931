package kvlab.txn.server;

import java.util.List;

/**
 * The answer to a {@link ScanRequest}.
 *
 * @param pairs the entries, in ascending unsigned key order, at most the request's limit
 */
public record ScanResponse(List<KvPair> pairs) {
    public ScanResponse {
        pairs = List.copyOf(pairs);
    }
}
