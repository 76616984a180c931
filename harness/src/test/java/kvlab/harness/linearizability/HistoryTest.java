package kvlab.harness.linearizability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kvlab.harness.linearizability.History.Handle;
import org.junit.jupiter.api.Test;

/** The recording protocol of {@link History}: what it stores, and the misuse it refuses. */
class HistoryTest {

    private final History h = new History();

    @Test
    void recordsCompletedAndPendingOperations() {
        Handle put = h.invokePut(3, 10, "k", "v");
        Handle get = h.invokeGet(4, 11, "k");
        h.ok(put, 20);
        assertThat(h.ops()).hasSize(2);
        KvOp done = h.ops().get(0);
        assertThat(done).isEqualTo(new KvOp(0, 3, KvOp.Kind.PUT, "k", "v", null, null, 10, 20));
        KvOp open = h.ops().get(get.id());
        assertThat(open.pending()).isTrue();
        assertThat(open.returnTime()).isEqualTo(KvOp.PENDING);
        assertThat(open.describe()).contains("client 4").contains("get(\"k\") (pending)")
                .contains("never returned");
    }

    @Test
    void readsMustBeCompletedWithWhatTheyFoundAndWritesWithout() {
        Handle get = h.invokeGet(1, 0, "k");
        Handle put = h.invokePut(1, 0, "k", "v");
        assertThatThrownBy(() -> h.ok(get, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ok(handle, time, output)");
        assertThatThrownBy(() -> h.ok(put, 1, "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no output");
    }

    @Test
    void anOperationReturnsOnlyOnce() {
        Handle put = h.invokePut(1, 0, "k", "v");
        h.ok(put, 1);
        assertThatThrownBy(() -> h.ok(put, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already returned");
    }

    @Test
    void timeMustNotGoBackwards() {
        Handle put = h.invokePut(1, 10, "k", "v");
        assertThatThrownBy(() -> h.ok(put, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time order");
        assertThatThrownBy(() -> h.invokeGet(2, 5, "k")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handlesBelongToTheirHistory() {
        Handle foreign = new History().invokeDelete(1, 0, "k");
        assertThatThrownBy(() -> h.ok(foreign, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another history");
    }

    @Test
    void operationsValidateTheirFields() {
        assertThatThrownBy(() -> new KvOp(0, 1, KvOp.Kind.PUT, "k", null, null, null, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KvOp(0, 1, KvOp.Kind.GET, "k", null, "x", null, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KvOp(0, 1, KvOp.Kind.GET, "k", null, null, "x", 0, KvOp.PENDING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KvOp(0, 1, KvOp.Kind.GET, "k", null, null, "x", 5, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longValuesAreShortenedInReports() {
        String longValue = "a".repeat(20) + "b".repeat(20);
        Handle append = h.invokeAppend(1, 0, "k", longValue);
        h.ok(append, 1);
        assertThat(h.ops().get(0).call()).contains("(40 chars)").hasSizeLessThan(70);
    }
}
