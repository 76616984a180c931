package kvlab.harness.engine.memory;

import static kvlab.harness.engine.EngineTestSupport.b;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import kvlab.harness.engine.WriteBatch;
import org.junit.jupiter.api.Test;

class BatchLogTest {
    private static final WriteBatch FIRST = WriteBatch.builder().put("default", b("k"), b("v"))
            .put("lock", new byte[0], new byte[0]).delete("write", b("gone")).build();
    private static final WriteBatch SECOND = WriteBatch.builder().put("write", new byte[] {(byte) 0xff}, b("x")).build();

    @Test
    void recordsDecodeToTheBatchesEncoded() {
        byte[] log = concat(BatchLog.encode(FIRST), BatchLog.encode(SECOND));
        BatchLog.Recovered recovered = BatchLog.decode(log);
        assertThat(recovered.batches()).containsExactly(FIRST, SECOND);
        assertThat(recovered.intactLength()).isEqualTo(log.length);
    }

    @Test
    void everyCutOfTheLogKeepsExactlyTheWholeRecords() {
        byte[] first = BatchLog.encode(FIRST);
        byte[] log = concat(first, BatchLog.encode(SECOND));
        for (int cut = 0; cut <= log.length; cut++) {
            BatchLog.Recovered recovered = BatchLog.decode(Arrays.copyOf(log, cut));
            List<WriteBatch> expected = cut < first.length ? List.of() : cut < log.length ? List.of(FIRST) : List.of(FIRST, SECOND);
            assertThat(recovered.batches()).as("batches in a log cut at byte %d", cut).isEqualTo(expected);
            assertThat(recovered.intactLength()).as("intact length of a log cut at byte %d", cut)
                    .isEqualTo(cut < first.length ? 0 : cut < log.length ? first.length : log.length);
        }
    }

    @Test
    void aFlippedBitFailsTheChecksum() {
        byte[] first = BatchLog.encode(FIRST);
        byte[] log = concat(first, BatchLog.encode(SECOND));
        log[log.length - 1] ^= 1;
        BatchLog.Recovered recovered = BatchLog.decode(log);
        assertThat(recovered.batches()).containsExactly(FIRST);
        assertThat(recovered.intactLength()).isEqualTo(first.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
