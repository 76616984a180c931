package kvlab.txn.server;

import static kvlab.txn.MvccData.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kvlab.txn.mvcc.Bytes;
import org.junit.jupiter.api.Test;

/** The provided {@link Latches} (not graded). */
class LatchesTest {
    private final Latches latches = new Latches();

    @Test
    void aGuardHoldsItsKeysUntilClosed() {
        Latches.Guard guard = latches.acquire(List.of(b("b"), b("a"), b("a")));
        assertThat(held()).containsExactly("\"a\"", "\"b\"");
        assertThat(latches.isHeld(b("a"))).isTrue();
        assertThat(latches.isHeld(b("c"))).isFalse();
        guard.close();
        guard.close();
        assertThat(held()).isEmpty();
    }

    @Test
    void acquisitionIsAllOrNothing() {
        try (Latches.Guard first = latches.acquire(List.of(b("b")))) {
            assertThatThrownBy(() -> latches.acquire(List.of(b("a"), b("b"), b("c"))))
                    .isInstanceOf(LatchBusyException.class).hasMessageContaining("\"b\"");
            assertThat(held()).as("keys held after a refused acquire").containsExactly("\"b\"");
        }
        try (Latches.Guard again = latches.acquire(List.of(b("a"), b("b")))) {
            assertThat(held()).containsExactly("\"a\"", "\"b\"");
        }
    }

    @Test
    void closingAGuardReleasesOnlyItsOwnKeys() {
        Latches.Guard a = latches.acquire(List.of(b("a")));
        try (Latches.Guard b = latches.acquire(List.of(b("b")))) {
            a.close();
            assertThat(held()).containsExactly("\"b\"");
        }
    }

    private List<String> held() {
        return latches.heldKeys().stream().map(Bytes::show).toList();
    }
}
