package kvlab.standalone.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;

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
        try (EngineReader reader = storage.reader()) {
            return reader.get(request.cf(), request.key()).map(RawGetResponse::of).orElseGet(RawGetResponse::missing);
        } catch (IllegalArgumentException e) {
            return RawGetResponse.failure(e.getMessage());
        }
    }

    /** Sets the key to the value; an unknown family is an error. */
    public RawPutResponse rawPut(RawPutRequest request) {
        try {
            storage.write(WriteBatch.builder().put(request.cf(), request.key(), request.value()).build());
            return RawPutResponse.success();
        } catch (IllegalArgumentException e) {
            return RawPutResponse.failure(e.getMessage());
        }
    }

    /** Removes the key (an absent key is fine); an unknown family is an error. */
    public RawDeleteResponse rawDelete(RawDeleteRequest request) {
        try {
            storage.write(WriteBatch.builder().delete(request.cf(), request.key()).build());
            return RawDeleteResponse.success();
        } catch (IllegalArgumentException e) {
            return RawDeleteResponse.failure(e.getMessage());
        }
    }

    /**
     * At most {@code limit} pairs from the first key at or after the start key, in order, read from
     * one snapshot; a negative limit or an unknown family is an error.
     */
    public RawScanResponse rawScan(RawScanRequest request) {
        if (request.limit() < 0) {
            return RawScanResponse.failure("limit must not be negative, was " + request.limit());
        }
        try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(request.cf())) {
            List<KvPair> kvs = new ArrayList<>();
            for (it.seek(request.startKey()); it.valid() && kvs.size() < request.limit(); it.next()) {
                kvs.add(new KvPair(it.key(), it.value()));
            }
            return RawScanResponse.of(kvs);
        } catch (IllegalArgumentException e) {
            return RawScanResponse.failure(e.getMessage());
        }
    }
}
