package kvlab.harness.engine.memory;

import static kvlab.harness.engine.ColumnFamilies.DEFAULT;
import static kvlab.harness.engine.ColumnFamilies.LOCK;
import static kvlab.harness.engine.ColumnFamilies.WRITE;
import static kvlab.harness.engine.EngineTestSupport.b;
import static kvlab.harness.engine.EngineTestSupport.entries;
import static kvlab.harness.engine.EngineTestSupport.get;
import static kvlab.harness.engine.EngineTestSupport.hex;
import static kvlab.harness.engine.EngineTestSupport.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;
import org.junit.jupiter.api.Test;

/** The {@link kvlab.harness.engine.Engine} contract on the provided in-memory engine. */
class MemoryEngineTest {
    private final MemoryEngine storage = new MemoryEngine(new SimDisk());

    @Test
    void putGetDeleteAndFamilies() {
        storage.write(WriteBatch.builder().put(DEFAULT, b("k"), b("d")).put(LOCK, b("k"), b("l")).build());
        storage.write(WriteBatch.builder().delete(DEFAULT, b("k")).put(WRITE, b("w"), b("")).build());
        assertThat(get(storage, DEFAULT, "k")).isEmpty();
        assertThat(get(storage, LOCK, "k")).hasValue("l");
        assertThat(get(storage, WRITE, "w")).as("an empty value is a value").hasValue("");
        assertThat(entries(storage, LOCK)).containsExactly("k=l");
    }

    @Test
    void batchWithAnUnknownFamilyChangesNothing() {
        WriteBatch bad = WriteBatch.builder().put(DEFAULT, b("a"), b("1")).put("bogus", b("b"), b("2")).build();
        assertThatThrownBy(() -> storage.write(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default, lock, write");
        assertThat(get(storage, DEFAULT, "a")).isEmpty();
    }

    @Test
    void keysOrderAsUnsignedBytes() {
        byte[][] sorted = {{}, {0x00}, {0x7f}, {0x7f, (byte) 0xff}, {(byte) 0x80}, {(byte) 0xff}};
        WriteBatch.Builder batch = WriteBatch.builder();
        for (int i = sorted.length - 1; i >= 0; i--) {
            batch.put(DEFAULT, sorted[i], b("v"));
        }
        storage.write(batch.build());
        assertThat(hex(keys(storage, DEFAULT))).containsExactlyElementsOf(hex(List.of(sorted)));
    }

    @Test
    void readersKeepTheirSnapshotAcrossLaterWrites() {
        storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("1")).put(LOCK, b("l"), b("1")).build());
        try (EngineReader first = storage.reader(); EngineIterator early = first.iterator(DEFAULT)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("2")).put(DEFAULT, b("b"), b("2")).build());
            try (EngineReader second = storage.reader()) {
                storage.write(WriteBatch.builder().delete(DEFAULT, b("a")).delete(LOCK, b("l")).build());
                early.seek(new byte[0]);
                assertThat(early.valid()).isTrue();
                assertThat(early.value()).isEqualTo(b("1"));
                early.next();
                assertThat(early.valid()).as("b was put after the first reader opened").isFalse();
                assertThat(entries(first, DEFAULT)).containsExactly("a=1");
                assertThat(entries(second, DEFAULT)).containsExactly("a=2", "b=2");
                assertThat(entries(second, LOCK)).containsExactly("l=1");
                assertThat(entries(storage, DEFAULT)).containsExactly("b=2");
            }
        }
    }

    @Test
    void returnedArraysBelongToTheCaller() {
        storage.write(WriteBatch.builder().put(DEFAULT, b("k"), b("v")).build());
        try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(DEFAULT)) {
            reader.get(DEFAULT, b("k")).orElseThrow()[0] = 'x';
            it.seek(new byte[0]);
            it.key()[0] = 'x';
            it.value()[0] = 'x';
            assertThat(entries(reader, DEFAULT)).containsExactly("k=v");
        }
    }

    @Test
    void misuseFailsClearly() {
        EngineReader reader = storage.reader();
        EngineIterator it = reader.iterator(DEFAULT);
        assertThat(it.valid()).as("not positioned before seek").isFalse();
        assertThatThrownBy(it::key).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> reader.iterator("bogus")).isInstanceOf(IllegalArgumentException.class);
        it.close();
        assertThatThrownBy(it::valid).isInstanceOf(IllegalStateException.class).hasMessage("iterator is closed");
        reader.close();
        assertThatThrownBy(() -> reader.get(DEFAULT, b("k"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("reader is closed");
        EngineReader open = storage.reader();
        storage.close();
        storage.close();
        assertThatThrownBy(() -> open.get(DEFAULT, b("k"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("storage is closed");
        assertThatThrownBy(storage::reader).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.write(WriteBatch.builder().build())).isInstanceOf(IllegalStateException.class);
    }
}
