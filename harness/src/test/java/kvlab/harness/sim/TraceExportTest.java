package kvlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kvlab.harness.linearizability.History;
import kvlab.harness.linearizability.LinearizabilityChecker;
import kvlab.harness.trace.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceExportTest {
    @Test
    void writesTraceHistoryAndCounterExample(@TempDir Path dir) throws Exception {
        Simulation sim = new Simulation(9);
        sim.trace().add(0, 1, EventKind.NOTE, "say \"hi\"\\ \u0001 </script>\nbye");
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

        assertThat(Files.readString(file)).contains(
                "\"test\":\"T#m\",\"seed\":9,",
                "\"events\":1,\"failed\":true",
                "[0,1,\"NOTE\",\"say \\\"hi\\\"\\\\ \\u0001 </script>\\\\nbye\"]",
                "[0,100,\"k\",\"put(\\\"k\\\", \\\"1\\\")\",0,5]",
                "[2,102,\"k\",\"append(\\\"k\\\", \\\"2\\\") (pending)\",7,-1]",
                "\"verdict\":{\"outcome\":\"ILLEGAL\",",
                "\"key\":\"k\",\"unplaced\":1,\"order\":[0,2],\"concurrent\":[]}");
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
}
