package kvlab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceTest {
    /** What the harness's TraceExport writes (copied from its output), with an unknown field to skip. */
    private static final String EXPORT = """
            {"test":"T#m","seed":9,"digest":"de0f","events":2,"failed":true,"future":{"a":[1]},
            "trace":[
            [0,1,"NOTE","say \\"hi\\" </script>\\nbye"],
            [3,-1,"NETWORK","heal all"]],
            "history":[
            [0,100,"k","put(\\"k\\", \\"1\\")",0,5],
            [1,101,"k","get(\\"k\\") returned absent",6,9],
            [2,102,"k","append(\\"k\\", \\"2\\") (pending)",7,-1]],
            "verdict":{"outcome":"ILLEGAL","text":"key \\"k\\"\\u000a","key":"k","unplaced":1,"order":[0,2],"concurrent":[]}}
            """;

    @Test
    void readsWhatTheHarnessExports(@TempDir Path dir) throws Exception {
        GradedTest test = new GradedTest("kvlab.T", "m", "", "2b", 1, 1, false);
        Path digests = dir.resolve("digests.txt");
        Files.writeString(Evidence.file(digests, test, 9), EXPORT);

        Evidence evidence = Evidence.readExported(dir, test, 9).orElseThrow();

        assertThat(evidence.test()).isEqualTo("T#m");
        assertThat(evidence.events()).isEqualTo(2);
        assertThat(evidence.trace()).containsExactly(new Evidence.Event(0, 1, "NOTE", "say \"hi\" </script>\nbye"),
                new Evidence.Event(3, -1, "NETWORK", "heal all"));
        assertThat(evidence.history().get(2)).isEqualTo(
                new Evidence.ClientOp(2, 102, "k", "append(\"k\", \"2\") (pending)", 7, -1));
        assertThat(evidence.history().get(2).pending()).isTrue();
        assertThat(evidence.verdict()).contains(new Evidence.Verdict("ILLEGAL", "key \"k\"\n", Optional.of("k"),
                OptionalInt.of(1), List.of(0, 2), List.of()));
    }

    @Test
    void noExportIsEmpty(@TempDir Path dir) {
        assertThat(Evidence.readExported(dir, new GradedTest("kvlab.T", "m", "", "2b", 1, 1, false), 42)).isEmpty();
    }
}
