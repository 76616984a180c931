package kvlab.harness.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TraceTest {

    @Test
    void lineFormIsTimeNodeKindDetail() {
        assertThat(new TraceEvent(120, 3, EventKind.SEND, "#1 3->1 Ping[round=3]").line())
                .isEqualTo("120 n3 SEND #1 3->1 Ping[round=3]");
        assertThat(new TraceEvent(0, Trace.NO_NODE, EventKind.NOTE, "hello\nworld").line())
                .isEqualTo("0 - NOTE hello\\nworld");
        assertThatThrownBy(() -> new TraceEvent(-1, 0, EventKind.NOTE, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceEvent(0, -2, EventKind.NOTE, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digestIsSha256OfTheTextAndMatchesAValueComputedOutsideJava() throws Exception {
        Trace trace = new Trace();
        String empty = trace.digest();
        trace.add(120, 3, EventKind.SEND, "#1 3->1 Ping[round=3]");
        trace.add(0, Trace.NO_NODE, EventKind.NOTE, "hello\nworld");
        String expectedText = "120 n3 SEND #1 3->1 Ping[round=3]\n0 - NOTE hello\\nworld\n";
        assertThat(trace.text()).isEqualTo(expectedText);
        String sha = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(expectedText.getBytes(StandardCharsets.UTF_8)));
        assertThat(trace.digest()).isEqualTo(sha)
                .isEqualTo("8aa42d5b968084566da59d7757421061f18a3ec580a15c8862ceaad9a455245a")
                .isNotEqualTo(empty);
        assertThat(trace.digest()).as("reading the digest must not disturb it").isEqualTo(sha);
    }

    @Test
    void capKeepsTheNewestEventsButDigestCoversAll() {
        Trace capped = new Trace(3);
        Trace full = new Trace(Integer.MAX_VALUE);
        for (int i = 0; i < 10; i++) {
            capped.add(i, 1, EventKind.NOTE, "e" + i);
            full.add(i, 1, EventKind.NOTE, "e" + i);
        }
        assertThat(capped.size()).isEqualTo(10);
        assertThat(capped.capacity()).isEqualTo(3);
        assertThat(capped.events()).extracting(TraceEvent::detail).containsExactly("e7", "e8", "e9");
        assertThat(capped.digest()).isEqualTo(full.digest());
        assertThat(capped.text()).isEqualTo(full.text(3));
    }

    @Test
    void lastReturnsTheNewestInOrder() {
        Trace trace = new Trace();
        for (int i = 0; i < 5; i++) {
            trace.add(i, 0, EventKind.TICK, "t" + i);
        }
        assertThat(trace.last(2)).extracting(TraceEvent::detail).containsExactly("t3", "t4");
        assertThat(trace.last(50)).hasSize(5);
        assertThat(trace.last(0)).isEmpty();
        assertThat(trace.text(1)).isEqualTo("4 n0 TICK t4\n");
        assertThatThrownBy(() -> new Trace(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
