package kvlab.standalone.server;

import static kvlab.harness.engine.ColumnFamilies.DEFAULT;
import static kvlab.harness.engine.ColumnFamilies.LOCK;
import static kvlab.harness.engine.ColumnFamilies.WRITE;
import static kvlab.harness.engine.EngineTestSupport.b;
import static kvlab.harness.engine.EngineTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.engine.memory.MemoryEngine;
import kvlab.harness.grading.Graded;
import org.junit.jupiter.api.AfterEach;

/**
 * Project 1: {@link RawKvService}. It runs on the provided {@link MemoryEngine}, so these tests
 * grade the service alone, whatever the state of {@code StandaloneStorage}.
 */
class RawKvServiceTest {
    private final MemoryEngine storage = new MemoryEngine(new SimDisk());
    private final RawKvService service = new RawKvService(storage);

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Graded(part = "1", points = 1, order = 1)
    void rawPutThenRawGetReturnsTheValue() {
        assertThat(put(DEFAULT, "k", "v1")).as("RawPut of a new key").isEqualTo(RawPutResponse.success());
        RawGetResponse got = get(DEFAULT, "k");
        assertThat(got.error()).as("RawGet error after a put").isEmpty();
        assertThat(got.notFound()).as("RawGet notFound after a put").isFalse();
        assertThat(str(got.value())).as("RawGet value after a put").isEqualTo("v1");

        put(DEFAULT, "k", "v2");
        assertThat(str(get(DEFAULT, "k").value())).as("RawGet after a second put of the key").isEqualTo("v2");
        put(DEFAULT, "empty", "");
        assertThat(get(DEFAULT, "empty")).as("RawGet of a key whose value is empty: found, not notFound")
                .isEqualTo(RawGetResponse.of(new byte[0]));
    }

    @Graded(part = "1", points = 1, order = 1)
    void rawGetOfAMissingKeyIsNotFound() {
        assertThat(get(DEFAULT, "nothing")).as("RawGet on an empty store").isEqualTo(RawGetResponse.missing());
        put(DEFAULT, "k1", "v");
        assertThat(get(DEFAULT, "k")).as("RawGet of a prefix of a stored key").isEqualTo(RawGetResponse.missing());
    }

    @Graded(part = "1", points = 1, order = 1)
    void rawDeleteRemovesTheKey() {
        put(DEFAULT, "k", "v");
        put(DEFAULT, "other", "o");
        assertThat(delete(DEFAULT, "k")).as("RawDelete of a stored key").isEqualTo(RawDeleteResponse.success());
        assertThat(get(DEFAULT, "k")).as("RawGet after RawDelete").isEqualTo(RawGetResponse.missing());
        assertThat(str(get(DEFAULT, "other").value())).as("a key that was not deleted").isEqualTo("o");
        assertThat(delete(DEFAULT, "never")).as("RawDelete of an absent key is not an error")
                .isEqualTo(RawDeleteResponse.success());
    }

    @Graded(part = "1", points = 2, order = 2)
    void rawScanHonoursStartKeyAndLimit() {
        for (int i = 5; i >= 1; i--) {
            put(DEFAULT, "k" + i, "v" + i);
        }
        assertThat(scan(DEFAULT, "k2", 2)).as("scan from k2, limit 2").containsExactly("k2=v2", "k3=v3");
        assertThat(scan(DEFAULT, "k2a", 10)).as("scan from k2a (absent: starts at the next key), limit 10")
                .containsExactly("k3=v3", "k4=v4", "k5=v5");
        assertThat(scan(DEFAULT, "k3", 3)).as("scan from k3 with a limit equal to the keys left")
                .containsExactly("k3=v3", "k4=v4", "k5=v5");
        assertThat(scan(DEFAULT, "", 1)).as("scan from the empty key, limit 1").containsExactly("k1=v1");
        assertThat(scan(DEFAULT, "k1", 0)).as("scan with limit 0").isEmpty();
        assertThat(scan(DEFAULT, "k6", 5)).as("scan from past the last key").isEmpty();
    }

    @Graded(part = "1", points = 2, order = 2)
    void rawScanSeesPutsAndDeletes() {
        put(DEFAULT, "a", "1");
        put(DEFAULT, "c", "3");
        assertThat(scan(DEFAULT, "", 10)).as("scan after two puts").containsExactly("a=1", "c=3");
        put(DEFAULT, "b", "2");
        assertThat(scan(DEFAULT, "", 10)).as("scan after putting b").containsExactly("a=1", "b=2", "c=3");
        delete(DEFAULT, "b");
        delete(DEFAULT, "a");
        assertThat(scan(DEFAULT, "", 10)).as("scan after deleting a and b").containsExactly("c=3");
        put(DEFAULT, "d", "4");
        assertThat(scan(DEFAULT, "", 2)).as("scan with limit 2 after deletes: deleted keys do not count")
                .containsExactly("c=3", "d=4");
    }

    @Graded(part = "1", points = 1, order = 2)
    void rawRequestsKeepColumnFamiliesApart() {
        put(LOCK, "k", "lock");
        put(WRITE, "w", "write");
        assertThat(get(DEFAULT, "k")).as("RawGet in default of a key put only in lock").isEqualTo(RawGetResponse.missing());
        assertThat(str(get(LOCK, "k").value())).as("RawGet in lock").isEqualTo("lock");
        assertThat(scan(WRITE, "", 10)).as("scan of family write").containsExactly("w=write");
        delete(DEFAULT, "k");
        assertThat(str(get(LOCK, "k").value())).as("RawDelete in default must leave lock alone").isEqualTo("lock");
    }

    @Graded(part = "1", points = 1, order = 2)
    void badRequestsComeBackAsErrors() {
        put(DEFAULT, "k", "v");
        assertThat(service.rawGet(new RawGetRequest("bogus", b("k"))).error()).as("RawGet error for family 'bogus'")
                .contains("bogus").contains("default, lock, write");
        assertThat(service.rawPut(new RawPutRequest("bogus", b("x"), b("1"))).error()).as("RawPut error for family 'bogus'")
                .contains("bogus");
        assertThat(service.rawDelete(new RawDeleteRequest("bogus", b("k"))).error()).as("RawDelete error for family 'bogus'")
                .contains("bogus");
        assertThat(service.rawScan(new RawScanRequest("bogus", b(""), 1))).as("RawScan for family 'bogus'")
                .satisfies(r -> assertThat(r.error()).contains("bogus"), r -> assertThat(r.kvs()).isEmpty());
        assertThat(service.rawScan(new RawScanRequest(DEFAULT, b(""), -1)).error()).as("RawScan error for limit -1")
                .contains("limit");
        assertThat(scan(DEFAULT, "", 10)).as("failed requests change nothing").containsExactly("k=v");

        storage.close();
        assertThatThrownBy(() -> service.rawGet(new RawGetRequest(DEFAULT, b("k"))))
                .as("a closed storage is not a bad request: its IllegalStateException propagates")
                .isInstanceOf(IllegalStateException.class);
    }

    private RawPutResponse put(String cf, String key, String value) {
        return service.rawPut(new RawPutRequest(cf, b(key), b(value)));
    }

    private RawGetResponse get(String cf, String key) {
        return service.rawGet(new RawGetRequest(cf, b(key)));
    }

    private RawDeleteResponse delete(String cf, String key) {
        return service.rawDelete(new RawDeleteRequest(cf, b(key)));
    }

    /** The pairs of a RawScan as "key=value", after checking that it did not fail. */
    private List<String> scan(String cf, String start, int limit) {
        RawScanResponse response = service.rawScan(new RawScanRequest(cf, b(start), limit));
        assertThat(response.error()).as("error of a RawScan of %s from '%s' limit %d", cf, start, limit).isEmpty();
        return response.kvs().stream().map(p -> str(p.key()) + "=" + str(p.value())).toList();
    }
}
