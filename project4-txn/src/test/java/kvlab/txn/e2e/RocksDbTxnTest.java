package kvlab.txn.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kvlab.harness.grading.Graded;
import kvlab.harness.sim.Seeds;
import kvlab.harness.sim.Simulation;
import kvlab.standalone.rocksdb.StandaloneStorage;
import kvlab.txn.server.GetRequest;
import kvlab.txn.server.GetResponse;
import kvlab.txn.server.Latches;
import kvlab.txn.server.TxnCommands;
import kvlab.txn.sim.CommitOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transaction layer on the real RocksDB-backed {@link StandaloneStorage} of Project 1 (yours, or
 * the reference in a reference build): transactions commit, conflict and delete as they do in
 * memory, and what they committed is still there after the storage is closed and reopened.
 */
class RocksDbTxnTest {
    @TempDir
    Path directory;

    private final List<StandaloneStorage> opened = new ArrayList<>();

    @AfterEach
    void closeStorages() {
        opened.forEach(StandaloneStorage::close);
    }

    @Graded(part = "4c", points = 3, order = 5)
    void transactionsOnRocksDb() {
        Simulation sim = new Simulation(Seeds.seed(Seeds.defaultFor("RocksDbTxnTest#transactionsOnRocksDb")));
        TxnCluster c = TxnCluster.start(sim, TxnCluster.Setup.standard().withStorage(context -> open()), 2);
        c.load("x", "10", "gone", "soon");

        TxnHandle t1 = c.begin(0);
        TxnHandle t2 = c.begin(1);
        c.await(t1.get("x"), 5_000);
        c.await(t2.get("x"), 5_000);
        CommitOutcome o1 = c.await(t1.put("x", "11").delete("gone").commit(), 5_000);
        CommitOutcome o2 = c.await(t2.put("x", "12").commit(), 5_000);

        assertThat(o1).as("the first committer on RocksDB").isInstanceOf(CommitOutcome.Committed.class);
        assertThat(o2).as("a second writer of x that started before %s committed (write conflict)", o1)
                .isInstanceOf(CommitOutcome.Aborted.class);
        assertThat(Scenarios.read(c, "x")).isEqualTo("11");
        assertThat(Scenarios.read(c, "gone")).as("a deleted key").isEqualTo("absent");

        long after = ((CommitOutcome.Committed) o1).commitTs() + 1;
        opened.get(0).close();
        StandaloneStorage reopened = open();
        TxnCommands commands = new TxnCommands(reopened, new Latches());
        GetResponse x = commands.get(new GetRequest("x".getBytes(UTF_8), after));
        assertThat(new String(x.value(), UTF_8)).as("x after closing and reopening RocksDB: %s", x).isEqualTo("11");
        assertThat(commands.get(new GetRequest("gone".getBytes(UTF_8), after)).notFound())
                .as("the deleted key after reopening").isTrue();
    }

    private StandaloneStorage open() {
        StandaloneStorage storage = new StandaloneStorage(directory);
        opened.add(storage);
        return storage;
    }
}
