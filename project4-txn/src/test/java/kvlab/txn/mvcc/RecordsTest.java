package kvlab.txn.mvcc;

import static kvlab.txn.MvccData.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The provided records' encodings and invariants (not graded: students do not write them). */
class RecordsTest {
    @Test
    void writeEncodesKindThenStartTimestamp() {
        Write write = new Write(0x0102, WriteKind.ROLLBACK);
        assertThat(HexFormat.of().formatHex(write.toBytes())).isEqualTo("03" + "0000000000000102");
        assertThat(Write.parse(write.toBytes())).isEqualTo(write);
    }

    @Test
    void lockEncodesKindTimestampTtlThenPrimary() {
        Lock lock = new Lock(b("pk"), 7, 9, WriteKind.DELETE);
        assertThat(HexFormat.of().formatHex(lock.toBytes()))
                .isEqualTo("02" + "0000000000000007" + "0000000000000009" + "706b");
        assertThat(Lock.parse(lock.toBytes())).isEqualTo(lock);
        Lock emptyPrimary = new Lock(new byte[0], 1, 0, WriteKind.PUT);
        assertThat(Lock.parse(emptyPrimary.toBytes())).isEqualTo(emptyPrimary);
    }

    @Test
    void malformedRecordsAreRejected() {
        assertThatThrownBy(() -> Write.parse(new byte[8])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Write.parse(new byte[9])).as("kind code 0")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lock.parse(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Lock(b("p"), 1, 1, WriteKind.ROLLBACK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Write(-1, WriteKind.PUT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesShowPrintableKeysQuotedAndOthersInHex() {
        assertThat(Bytes.show(b("k1"))).isEqualTo("\"k1\"");
        assertThat(Bytes.show(new byte[] {0x61, 0})).isEqualTo("0x6100");
        assertThat(Bytes.show(new byte[0])).isEqualTo("\"\"");
    }
}
