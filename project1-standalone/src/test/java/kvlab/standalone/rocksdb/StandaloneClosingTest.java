package kvlab.standalone.rocksdb;

import static kvlab.harness.engine.ColumnFamilies.DEFAULT;
import static kvlab.harness.engine.EngineTestSupport.b;
import static kvlab.harness.engine.EngineTestSupport.entries;
import static kvlab.harness.engine.EngineTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;
import kvlab.harness.grading.Graded;
import org.junit.jupiter.api.io.TempDir;

/**
 * Project 1: calls on a closed {@link StandaloneStorage}, reader or iterator fail with a clear
 * {@link IllegalStateException}. These tests are a class of their own because an implementation that
 * lets such a call reach RocksDB does not throw: the native code aborts the whole JVM (exit code 134,
 * an {@code hs_err_pid} file), which takes down only this class's fork.
 */
class StandaloneClosingTest {
    @TempDir
    Path dir;

    @Graded(part = "1", points = 2, order = 2)
    void closedStorageRejectsWritesAndReaders() {
        StandaloneStorage storage = new StandaloneStorage(dir);
        storage.write(WriteBatch.builder().put(DEFAULT, b("before"), b("1")).build());
        storage.close();
        assertThatThrownBy(() -> storage.write(WriteBatch.builder().put(DEFAULT, b("after"), b("2")).build()))
                .as("write on a closed storage").isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(storage::reader).as("reader() on a closed storage")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatCode(storage::close).as("closing twice does nothing").doesNotThrowAnyException();

        try (StandaloneStorage reopened = new StandaloneStorage(dir)) {
            assertThat(get(reopened, DEFAULT, "before")).as("written before close").hasValue("1");
            assertThat(get(reopened, DEFAULT, "after")).as("a write rejected after close must leave nothing").isEmpty();
        }
    }

    @Graded(part = "1", points = 1, order = 5)
    void closingTheStorageClosesItsReaders() {
        StandaloneStorage storage = new StandaloneStorage(dir);
        storage.write(WriteBatch.builder().put(DEFAULT, b("k"), b("v")).build());
        EngineReader reader = storage.reader();
        EngineIterator it = reader.iterator(DEFAULT);
        it.seek(new byte[0]);
        storage.close();
        assertThatThrownBy(() -> reader.get(DEFAULT, b("k"))).as("get on a reader whose storage was closed")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(it::valid).as("valid() on an iterator whose storage was closed")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatCode(() -> {
            it.close();
            reader.close();
        }).as("closing a reader and iterator that the storage already closed does nothing").doesNotThrowAnyException();
    }

    @Graded(part = "1", points = 1, order = 5)
    void closedReadersAndIteratorsAreClearErrors() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("k"), b("v")).build());
            EngineReader reader = storage.reader();
            EngineIterator closedAlone = reader.iterator(DEFAULT);
            EngineIterator closedWithReader = reader.iterator(DEFAULT);
            closedWithReader.seek(new byte[0]);
            closedAlone.close();
            assertThatThrownBy(() -> closedAlone.seek(new byte[0])).as("seek on a closed iterator")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            reader.close();
            assertThatThrownBy(() -> reader.get(DEFAULT, b("k"))).as("get on a closed reader")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> reader.iterator(DEFAULT)).as("iterator() on a closed reader")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(closedWithReader::key).as("key() on an iterator whose reader was closed")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatCode(reader::close).as("closing a reader twice does nothing").doesNotThrowAnyException();
            assertThat(entries(storage, DEFAULT)).as("the storage still works after a reader closed").containsExactly("k=v");
        }
    }
}
