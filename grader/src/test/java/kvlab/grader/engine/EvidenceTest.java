package kvlab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kvlab.harness.cluster.RoleTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceTest {
    /** What the harness's TraceExport writes (TestExport as JSON), with an unknown field to skip. */
    private static final String EXPORT = """
            {"test":"T#m","seed":9,"digest":"de0f","events":3,"failed":true,"future":{"a":[1]},
            "trace":[
            {"time":0,"node":1,"kind":"NOTE","detail":"say \\"hi\\" </script>\\nbye"},
            {"time":2,"node":1,"kind":"STATE","detail":"LEADER term 3","role":"LEADER","term":3},
            {"time":3,"node":-1,"kind":"NETWORK","detail":"heal all"}],
            "history":[
            {"id":0,"client":100,"key":"k","call":"put(\\"k\\", \\"1\\")","invoked":0,"returned":5},
            {"id":1,"client":101,"key":"k","call":"get(\\"k\\") returned absent","invoked":6,"returned":9},
            {"id":2,"client":102,"key":"k","call":"append(\\"k\\", \\"2\\") (pending)","invoked":7,"returned":-1}],
            "verdict":{"outcome":"ILLEGAL","text":"key \\"k\\"\\u000a","key":"k","unplaced":1,"order":[0,2],"concurrent":[]}}
            """;

    @Test
    void readsWhatTheHarnessExports(@TempDir Path dir) throws Exception {
        GradedTest test = new GradedTest("kvlab.T", "m", "", "2b", 1, 1, false);
        Path digests = dir.resolve("digests.txt");
        Files.writeString(Evidence.file(digests, test, 9), EXPORT);

        Evidence evidence = Evidence.readExported(dir, test, 9).orElseThrow();

        assertThat(evidence.test()).isEqualTo("T#m");
        assertThat(evidence.events()).isEqualTo(3);
        assertThat(evidence.trace()).containsExactly(new Evidence.Event(0, 1, "NOTE", "say \"hi\" </script>\nbye"),
                new Evidence.Event(2, 1, "STATE", "LEADER term 3", Optional.of(new RoleTrace.State("LEADER", 3))),
                new Evidence.Event(3, -1, "NETWORK", "heal all"));
        assertThat(evidence.history().get(2)).isEqualTo(
                new Evidence.ClientOp(2, 102, "k", "append(\"k\", \"2\") (pending)", 7, -1));
        assertThat(evidence.history().get(2).pending()).isTrue();
        assertThat(evidence.verdict()).contains(new Evidence.Verdict("ILLEGAL", "key \"k\"\n", Optional.of("k"),
                OptionalInt.of(1), List.of(0, 2), List.of()));
    }

    @Test
    void malformedExportNamesTheFile(@TempDir Path dir) throws Exception {
        GradedTest test = new GradedTest("kvlab.T", "m", "", "2b", 1, 1, false);
        Path file = Evidence.file(dir.resolve("digests.txt"), test, 9);
        Files.writeString(file, "{\"trace\":[{\"time\":\"soon\"}]}");

        assertThatThrownBy(() -> Evidence.readExported(dir, test, 9))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("malformed trace export " + file);
    }

    @Test
    void noExportIsEmpty(@TempDir Path dir) {
        assertThat(Evidence.readExported(dir, new GradedTest("kvlab.T", "m", "", "2b", 1, 1, false), 42)).isEmpty();
    }
}
