package kvlab.standalone.rocksdb;

import static kvlab.harness.engine.ColumnFamilies.DEFAULT;
import static kvlab.harness.engine.ColumnFamilies.LOCK;
import static kvlab.harness.engine.ColumnFamilies.WRITE;
import static kvlab.harness.engine.EngineTestSupport.b;
import static kvlab.harness.engine.EngineTestSupport.entries;
import static kvlab.harness.engine.EngineTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;
import kvlab.harness.grading.Graded;
import org.junit.jupiter.api.io.TempDir;

/** Project 1: get, put and delete on {@link StandaloneStorage}, families, atomic batches, bad names. */
class StandaloneStorageTest {
    @TempDir
    Path dir;

    @Graded(part = "1", points = 1, order = 0)
    void putThenGetReturnsTheValue() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("k"), b("v1")).put(DEFAULT, b("empty"), b("")).build());
            assertThat(get(storage, DEFAULT, "k")).as("get after put").hasValue("v1");
            assertThat(get(storage, DEFAULT, "empty")).as("an empty value is a value, not an absent key").hasValue("");

            storage.write(WriteBatch.builder().put(DEFAULT, b("k"), b("v2")).build());
            assertThat(get(storage, DEFAULT, "k")).as("a second put of the same key replaces the value").hasValue("v2");
        }
    }

    @Graded(part = "1", points = 1, order = 0)
    void getOfAnAbsentKeyIsEmpty() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            assertThat(get(storage, DEFAULT, "nothing")).as("get on an empty storage").isEmpty();
            storage.write(WriteBatch.builder().put(DEFAULT, b("k1"), b("v")).build());
            assertThat(get(storage, DEFAULT, "k")).as("get of a prefix of a stored key").isEmpty();
            assertThat(get(storage, DEFAULT, "k10")).as("get of an extension of a stored key").isEmpty();
        }
    }

    @Graded(part = "1", points = 1, order = 0)
    void deleteRemovesTheKey() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("k"), b("v")).put(DEFAULT, b("other"), b("o")).build());
            storage.write(WriteBatch.builder().delete(DEFAULT, b("k")).build());
            assertThat(get(storage, DEFAULT, "k")).as("get after delete").isEmpty();
            assertThat(get(storage, DEFAULT, "other")).as("deleting k must not touch other keys").hasValue("o");

            assertThatCode(() -> storage.write(WriteBatch.builder().delete(DEFAULT, b("never")).build()))
                    .as("deleting an absent key is not an error").doesNotThrowAnyException();
            storage.write(WriteBatch.builder().put(DEFAULT, b("k"), b("again")).build());
            assertThat(get(storage, DEFAULT, "k")).as("put after delete").hasValue("again");
        }
    }

    @Graded(part = "1", points = 2, order = 1)
    void columnFamiliesAreSeparateKeySpaces() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("k"), b("d")).put(LOCK, b("k"), b("l"))
                    .put(WRITE, b("k"), b("w")).put(DEFAULT, b("only-default"), b("x")).build());
            assertThat(get(storage, DEFAULT, "k")).as("key k in family default").hasValue("d");
            assertThat(get(storage, LOCK, "k")).as("key k in family lock").hasValue("l");
            assertThat(get(storage, WRITE, "k")).as("key k in family write").hasValue("w");
            assertThat(get(storage, LOCK, "only-default")).as("a key put only in default, read from lock").isEmpty();
            assertThat(entries(storage, WRITE)).as("iterating family write shows only its own keys").containsExactly("k=w");

            storage.write(WriteBatch.builder().delete(LOCK, b("k")).build());
            assertThat(get(storage, LOCK, "k")).as("k deleted from lock").isEmpty();
            assertThat(get(storage, DEFAULT, "k")).as("deleting k from lock must leave default alone").hasValue("d");
            assertThat(get(storage, WRITE, "k")).as("deleting k from lock must leave write alone").hasValue("w");
        }
    }

    @Graded(part = "1", points = 2, order = 2)
    void batchIsAtomicWhenAFamilyIsUnknown() {
        try (StandaloneStorage storage = new StandaloneStorage(dir)) {
            storage.write(WriteBatch.builder().put(DEFAULT, b("keep"), b("old")).build());
            WriteBatch bad = WriteBatch.builder().put(DEFAULT, b("a"), b("1")).delete(DEFAULT, b("keep"))
                    .put("bogus", b("b"), b("2")).put(WRITE, b("c"), b("3")).build();
            assertThatThrownBy(() -> storage.write(bad)).as("a batch naming family 'bogus'")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(get(storage, DEFAULT, "a")).as("a put BEFORE the bad one in a rejected batch must not be applied").isEmpty();
            assertThat(get(storage, DEFAULT, "keep")).as("a delete in a rejected batch must not be applied").hasValue("old");
            assertThat(get(storage, WRITE, "c")).as("a put AFTER the bad one in a rejected batch must not be applied").isEmpty();

            storage.write(WriteBatch.builder().put(DEFAULT, b("x"), b("1")).put(LOCK, b("x"), b("2"))
                    .put(DEFAULT, b("x"), b("3")).put(WRITE, b("y"), b("4")).delete(WRITE, b("y")).sync().build());
            assertThat(get(storage, DEFAULT, "x")).as("within a batch the later put of a key wins").hasValue("3");
            assertThat(get(storage, LOCK, "x")).as("a batch spans families").hasValue("2");
            assertThat(get(storage, WRITE, "y")).as("a put then a delete of one key in a batch").isEmpty();
        }
    }

    @Graded(part = "1", points = 1, order = 2)
    void unknownFamilyIsAClearError() {
        try (StandaloneStorage storage = new StandaloneStorage(dir); EngineReader reader = storage.reader()) {
            assertThatThrownBy(() -> reader.get("bogus", b("k"))).as("get from family 'bogus'")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bogus")
                    .hasMessageContaining("default, lock, write");
            assertThatThrownBy(() -> reader.iterator("Default")).as("iterator on family 'Default' (names are case-sensitive)")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Default")
                    .hasMessageContaining("default, lock, write");
            assertThatThrownBy(() -> storage.write(WriteBatch.builder().delete("locks", b("k")).build()))
                    .as("a write to family 'locks'").isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("locks").hasMessageContaining("default, lock, write");
        }
    }
}
