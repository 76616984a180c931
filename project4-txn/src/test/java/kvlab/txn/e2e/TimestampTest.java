package kvlab.txn.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;
import kvlab.txn.sim.CommitOutcome;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Timestamps from the oracle over a network that loses, duplicates and reorders: every transaction
 * commits after it starts, each client's transactions start after its previous commit, and no two
 * timestamps are equal (a stale duplicate answer from the oracle must never be taken).
 */
@ExtendWith(SimulationExtension.class)
class TimestampTest {
    static final int CLIENTS = 2;
    static final int TXNS_EACH = 6;

    @Graded(part = "4c", points = 2, order = 1)
    void timestampsIncreaseUnderAnUnreliableNetwork(Simulation sim) {
        NetworkConfig lossy = NetworkConfig.unreliable().withDropRate(0.3).withDuplicateRate(0.3);
        TxnCluster c = TxnCluster.start(sim, TxnCluster.Setup.standard().on(lossy), CLIENTS);
        List<List<Result<CommitOutcome>>> outcomes = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            outcomes.add(new ArrayList<>());
            runSequentially(c, client, outcomes.get(client));
        }
        sim.runUntil(() -> outcomes.stream().allMatch(mine -> mine.size() == TXNS_EACH && mine.get(TXNS_EACH - 1).isDone()),
                "every client to commit " + TXNS_EACH + " transactions one after another", 60_000);
        TreeSet<Long> all = new TreeSet<>();
        for (int client = 0; client < CLIENTS; client++) {
            long previous = -1;
            for (Result<CommitOutcome> r : outcomes.get(client)) {
                if (!(r.get() instanceof CommitOutcome.Committed done)) {
                    throw new AssertionError("client " + client + ": " + r + " must commit (no one else writes its key)");
                }
                Scenarios.expect(previous < done.startTs() && done.startTs() < done.commitTs(),
                        "timestamps out of order on client " + client + ": " + done + " after a commit at " + previous
                                + " (need previous commit < start < commit)");
                Scenarios.expect(all.add(done.startTs()) && all.add(done.commitTs()),
                        "timestamp handed out twice: " + done + " repeats one of " + all);
                previous = done.commitTs();
            }
        }
    }

    /** Runs the client's transactions one after another, each begun once the previous one ended. */
    private static void runSequentially(TxnCluster c, int client, List<Result<CommitOutcome>> outcomes) {
        if (outcomes.size() == TXNS_EACH) {
            return;
        }
        TxnHandle txn = c.begin(client).put("k" + client, "v" + outcomes.size());
        outcomes.add(txn.commit());
        txn.then(() -> runSequentially(c, client, outcomes));
    }
}
