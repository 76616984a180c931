package kvlab.standalone.server;

import java.util.Objects;
import kvlab.harness.engine.Engine;

/**
 * The raw key/value service: get, put, delete and scan of single keys in a column family, on top of
 * any {@link Engine}. "Raw" because there are no transactions: each request stands alone (Project 4
 * adds transactions on the same storage).
 *
 * <p>Two error channels: a request the caller got wrong comes back as a response whose {@code error}
 * says why, and changes nothing: for an unknown column family, the message of the storage's
 * {@link IllegalArgumentException} (it names the family and the known ones); for a negative scan
 * limit, a message that names the limit. A failure of the storage itself (for example a closed
 * storage: {@link IllegalStateException}) propagates. Each
 * request opens and closes its own reader, so it leaves no reader open. Not thread-safe.
 */
public final class RawKvService {
    private final Engine storage;

    /** A service answering requests from {@code storage}, which the caller keeps and closes. */
    public RawKvService(Engine storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** The value of the key, or {@code notFound}; an unknown family is an error. */
    public RawGetResponse rawGet(RawGetRequest request) {
        // TODO(1): read the key through a reader of the storage (close it), answering found or missing;
        // turn an IllegalArgumentException into RawGetResponse.failure. Checked by
        // RawKvServiceTest#rawPutThenRawGetReturnsTheValue.
        throw new UnsupportedOperationException("not implemented: TODO(1) RawKvService.rawGet");
    }

    /** Sets the key to the value; an unknown family is an error. */
    public RawPutResponse rawPut(RawPutRequest request) {
        // TODO(1): write a one-put WriteBatch; turn an IllegalArgumentException into
        // RawPutResponse.failure. Checked by RawKvServiceTest#rawPutThenRawGetReturnsTheValue.
        throw new UnsupportedOperationException("not implemented: TODO(1) RawKvService.rawPut");
    }

    /** Removes the key (an absent key is fine); an unknown family is an error. */
    public RawDeleteResponse rawDelete(RawDeleteRequest request) {
        // TODO(1): write a one-delete WriteBatch; turn an IllegalArgumentException into
        // RawDeleteResponse.failure. Checked by RawKvServiceTest#rawDeleteRemovesTheKey.
        throw new UnsupportedOperationException("not implemented: TODO(1) RawKvService.rawDelete");
    }

    /**
     * At most {@code limit} pairs from the first key at or after the start key, in order, read from
     * one snapshot; a negative limit or an unknown family is an error.
     */
    public RawScanResponse rawScan(RawScanRequest request) {
        // TODO(1): reject a negative limit; then seek an iterator of one reader to the start key and
        // collect pairs while it is valid and fewer than limit were taken; close both. Checked by
        // RawKvServiceTest#rawScanHonoursStartKeyAndLimit.
        throw new UnsupportedOperationException("not implemented: TODO(1) RawKvService.rawScan");
    }
}
