package kvlab.harness.engine;

import static kvlab.harness.engine.EngineTestSupport.b;
import static kvlab.harness.engine.EngineTestSupport.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WriteBatchTest {
    @Test
    void builderKeepsOrderAndTheSyncFlag() {
        WriteBatch batch = WriteBatch.builder().put("default", b("k"), b("1")).delete("lock", b("k")).sync().build();
        assertThat(batch.modifications()).containsExactly(new Modification.Put("default", b("k"), b("1")),
                new Modification.Delete("lock", b("k")));
        assertThat(batch.sync()).isTrue();
        assertThat(WriteBatch.builder().build().sync()).as("a batch is not synced unless asked").isFalse();
    }

    @Test
    void batchIsImmutable() {
        byte[] key = b("k");
        byte[] value = b("v");
        WriteBatch batch = WriteBatch.builder().put("default", key, value).build();
        key[0] = 'x';
        value[0] = 'x';
        Modification.Put put = (Modification.Put) batch.modifications().get(0);
        put.key()[0] = 'y';
        put.value()[0] = 'y';
        assertThat(str(put.key()) + "=" + str(put.value())).as("neither the caller's arrays nor returned ones alias the batch")
                .isEqualTo("k=v");
        assertThatThrownBy(() -> batch.modifications().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void modificationsCompareByContent() {
        assertThat(new Modification.Put("lock", b("k"), b("v"))).isEqualTo(new Modification.Put("lock", b("k"), b("v")))
                .hasSameHashCodeAs(new Modification.Put("lock", b("k"), b("v")))
                .isNotEqualTo(new Modification.Put("lock", b("k"), b("w")))
                .isNotEqualTo(new Modification.Put("write", b("k"), b("v")));
        assertThat(new Modification.Delete("lock", b("k"))).isEqualTo(new Modification.Delete("lock", b("k")))
                .isNotEqualTo(new Modification.Delete("lock", b("j")));
    }

    @Test
    void unknownFamilyNamesTheKnownOnes() {
        assertThat(ColumnFamilies.requireKnown("write")).isEqualTo("write");
        assertThatThrownBy(() -> ColumnFamilies.requireKnown("data")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown column family 'data'; known families: default, lock, write");
    }
}
