package kvlab.standalone.rocksdb;

import static kvlab.harness.engine.ColumnFamilies.DEFAULT;
import static kvlab.harness.engine.ColumnFamilies.LOCK;
import static kvlab.harness.engine.ColumnFamilies.WRITE;
import static kvlab.harness.engine.EngineTestSupport.b;
import static kvlab.harness.engine.EngineTestSupport.entries;
import static kvlab.harness.engine.EngineTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;
import kvlab.harness.grading.Graded;
import org.junit.jupiter.api.io.TempDir;

/**
 * Project 1, hidden (not in the handout): an iterator ends at its own family's last key even when
 * other families hold keys after it. The handout's tests iterate only the last family, so a storage
 * that puts every family in one key space behind a prefix, and iterates without an upper bound,
 * passes them and walks from {@code default} into {@code lock} here.
 */
class FamilyBoundaryTest {
    @TempDir
    Path dir;

    @Graded(part = "1", points = 2, order = 7)
    void iteratorsEndAtTheirFamilysLastKey() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("a"), b("d")).put(LOCK, b("a"), b("l1"))
                    .put(LOCK, b("zz"), b("l2")).put(WRITE, b("0"), b("w")).build());
            assertThat(entries(storage, DEFAULT)).as("iterating family default, with keys in lock and write after it")
                    .containsExactly("a=d");
            assertThat(entries(storage, LOCK)).as("iterating family lock, with a key in write after it")
                    .containsExactly("a=l1", "zz=l2");
            try (EngineReader reader = storage.reader(); EngineIterator it = reader.iterator(DEFAULT)) {
                it.seek(b("b"));
                assertThat(it.valid()).as("seek in default past its last key, with lock's zz after it: %s",
                        it.valid() ? str(it.key()) : "").isFalse();
            }
        }
    }
}
