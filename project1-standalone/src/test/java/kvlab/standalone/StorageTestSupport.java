package kvlab.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/**
 * What the storage tests need beyond the engine shorthands they share with every module
 * ({@link kvlab.harness.engine.EngineTestSupport}).
 */
public final class StorageTestSupport {
    private StorageTestSupport() {}

    /** Asserts equal contents without printing megabytes when they differ. */
    public static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        assertThat(actual.length).as("%s: length", what).isEqualTo(expected.length);
        assertThat(Arrays.mismatch(actual, expected)).as("%s: index of the first differing byte", what).isEqualTo(-1);
    }
}
