package kvlab.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kvlab.harness.cluster.RoleTrace;
import kvlab.harness.grading.TestExport;
import kvlab.harness.linearizability.History;
import kvlab.harness.linearizability.LinearizabilityChecker;
import kvlab.harness.sim.Simulation;
import kvlab.harness.trace.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceExportTest {
    @Test
    void writesTraceHistoryAndCounterExample(@TempDir Path dir) throws Exception {
        Simulation sim = new Simulation(9);
        sim.trace().add(0, 1, EventKind.NOTE, "say \"hi\"\\ \u0001 </script>\nbye");
        sim.trace().add(2, 1, EventKind.STATE, "LEADER term 3");
        History history = new History();
        History.Handle put = history.invokePut(100, 0, "k", "1");
        history.ok(put, 5);
        History.Handle stale = history.invokeGet(101, 6, "k");
        history.invokeAppend(102, 7, "k", "2");
        history.ok(stale, 9, null);
        sim.recordHistory(history);
        sim.recordVerdict(LinearizabilityChecker.check(history));
        Path file = dir.resolve("export.json");

        TraceExport.write(file, "T#m", sim, true);

        String json = Files.readString(file);
        assertThat(json).contains("\"test\":\"T#m\",\"seed\":9,", "\"events\":2,\"failed\":true",
                "\"detail\":\"say \\\"hi\\\"\\\\ \\u0001 </script>\\\\nbye\"",
                "\"kind\":\"STATE\",\"detail\":\"LEADER term 3\",\"role\":\"LEADER\",\"term\":3}")
                .doesNotContain("null");
        TestExport export = TestExport.read(new StringReader(json));
        assertThat(export.digest()).isEqualTo(sim.trace().digest());
        assertThat(export.trace()).containsExactly(
                new TestExport.Event(0, 1, "NOTE", "say \"hi\"\\ \u0001 </script>\\nbye", null, null),
                new TestExport.Event(2, 1, "STATE", "LEADER term 3", "LEADER", 3L));
        assertThat(export.history()).contains(new TestExport.Op(0, 100, "k", "put(\"k\", \"1\")", 0, 5),
                new TestExport.Op(2, 102, "k", "append(\"k\", \"2\") (pending)", 7, -1));
        assertThat(export.verdict().outcome()).isEqualTo("ILLEGAL");
        assertThat(export.verdict().key()).isEqualTo("k");
        assertThat(export.verdict().unplaced()).isEqualTo(1);
        assertThat(export.verdict().order()).isEqualTo(List.of(0, 2));
        assertThat(export.verdict().concurrent()).isEmpty();
    }

    @Test
    void roleTraceRecordsChangesAndEachIncarnationsFirstState() {
        Simulation sim = new Simulation(1);
        RoleTrace roles = new RoleTrace(sim);
        roles.observe(1, "FOLLOWER", 1);
        roles.observe(1, "FOLLOWER", 1);
        roles.observe(1, "LEADER", 2);
        roles.started(1);
        roles.observe(1, "LEADER", 2);

        assertThat(sim.trace().text()).isEqualTo("0 n1 STATE FOLLOWER term 1\n0 n1 STATE LEADER term 2\n"
                + "0 n1 STATE LEADER term 2\n");
    }

    @Test
    void roleTraceParsesWhatItTraces() {
        assertThat(RoleTrace.parse("PRE_CANDIDATE term 12")).contains(new RoleTrace.State("PRE_CANDIDATE", 12));
        assertThat(RoleTrace.parse("term 3")).isEmpty();
        assertThat(RoleTrace.parse("LEADER term x")).isEmpty();
    }
}
