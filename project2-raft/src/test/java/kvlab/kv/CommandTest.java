package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The provided codec of commands into Raft entries. */
class CommandTest {

    @Test
    void encodeThenDecodeGivesTheCommandBack() {
        for (Command c : new Command[] {
                new Command(100, 1, Op.GET, "k", null), new Command(101, 9, Op.PUT, "clé", "välue"),
                new Command(102, 3, Op.APPEND, "", ""), new Command(103, 4, Op.DELETE, "k", null)}) {
            assertThat(Command.decode(c.encode())).isEqualTo(c);
        }
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> Command.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        byte[] longer = java.util.Arrays.copyOf(new Command(1, 1, Op.GET, "k", null).encode(), 40);
        assertThatThrownBy(() -> Command.decode(longer)).hasMessageContaining("trailing");
    }

    @Test
    void invariantsAreChecked() {
        assertThatThrownBy(() -> new Command(1, 0, Op.GET, "k", null)).hasMessageContaining("start at 1");
        assertThatThrownBy(() -> new Command(1, 1, Op.PUT, "k", null)).hasMessageContaining("must have a value");
        assertThatThrownBy(() -> new Command(1, 1, Op.GET, "k", "v")).hasMessageContaining("must not have");
    }
}
