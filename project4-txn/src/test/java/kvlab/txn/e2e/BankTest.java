package kvlab.txn.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.sim.Simulation;
import kvlab.txn.sim.CommitOutcome;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bank: transfer clients move money between accounts while an auditor sums every account in
 * read-only transactions. Under snapshot isolation every audit sees the same total, whatever the
 * network loses, duplicates and reorders.
 */
@ExtendWith(SimulationExtension.class)
class BankTest {
    static final int ACCOUNTS = 5;
    static final int TRANSFER_CLIENTS = 3;
    static final int TRANSFERS_EACH = 6;
    static final int AUDITS = 8;
    static final int TOTAL = ACCOUNTS * 100;

    private final List<String> violations = new ArrayList<>();
    private final List<CommitOutcome> transfers = new ArrayList<>();
    private int finished;

    @Graded(part = "4c", points = 4, order = 4)
    void everyReaderSeesTheSameTotal(Simulation sim) {
        run(sim, NetworkConfig.unreliable());
    }

    @Graded(part = "4c", points = 2, order = 4)
    void everyReaderSeesTheSameTotalWithDuplicates(Simulation sim) {
        run(sim, NetworkConfig.unreliable().withDuplicateRate(0.2));
    }

    private void run(Simulation sim, NetworkConfig network) {
        TxnCluster c = TxnCluster.start(sim, TxnCluster.Setup.standard().on(network), TRANSFER_CLIENTS + 1);
        c.load(IntStream.range(0, ACCOUNTS).boxed().flatMap(i -> List.of(account(i), "100").stream()).toArray(String[]::new));
        for (int client = 0; client < TRANSFER_CLIENTS; client++) {
            transfer(c, client, sim.random("bank-client-" + client), TRANSFERS_EACH);
        }
        audit(c, TRANSFER_CLIENTS, AUDITS);
        sim.runUntil(() -> finished == TRANSFER_CLIENTS + 1 || !violations.isEmpty(),
                "every transfer client and the auditor to finish", 120_000);
        if (!violations.isEmpty()) {
            throw new AssertionError("read skew: an audit saw a total other than " + TOTAL + ": " + violations
                    + "; transfers so far: " + transfers);
        }
        Scenarios.expect(transfers.stream().anyMatch(CommitOutcome.Committed.class::isInstance),
                "no transfer committed out of " + transfers + ": the bank test proves nothing");
        int finalTotal = IntStream.range(0, ACCOUNTS).map(i -> Integer.parseInt(Scenarios.read(c, account(i)))).sum();
        Scenarios.expect(finalTotal == TOTAL, "money created or destroyed: the accounts sum to " + finalTotal
                + " after every transfer ended, not " + TOTAL + "; transfers: " + transfers);
    }

    private void transfer(TxnCluster c, int client, RandomGenerator random, int remaining) {
        if (remaining == 0) {
            finished++;
            return;
        }
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        int amount = 1 + random.nextInt(20);
        TxnHandle txn = c.begin(client);
        var fromBalance = txn.get(account(from));
        var toBalance = txn.get(account(to));
        txn.then(() -> {
            txn.put(account(from), String.valueOf(balance(fromBalance.get()) - amount));
            txn.put(account(to), String.valueOf(balance(toBalance.get()) + amount));
            Result<CommitOutcome> outcome = txn.commit();
            txn.then(() -> {
                transfers.add(outcome.get());
                transfer(c, client, random, remaining - 1);
            });
        });
    }

    private void audit(TxnCluster c, int client, int remaining) {
        if (remaining == 0) {
            finished++;
            return;
        }
        TxnHandle txn = c.begin(client);
        List<Result<Optional<String>>> balances = IntStream.range(0, ACCOUNTS).mapToObj(i -> txn.get(account(i))).toList();
        txn.then(() -> {
            int sum = balances.stream().mapToInt(b -> balance(b.get())).sum();
            if (sum != TOTAL) {
                violations.add(txn.describe() + " read " + balances + " (sum " + sum + ")");
            }
            txn.commit();
            txn.then(() -> audit(c, client, remaining - 1));
        });
    }

    private static String account(int i) {
        return "acct" + i;
    }

    private static int balance(Optional<String> value) {
        return Integer.parseInt(value.orElseThrow(() -> new AssertionError("an account vanished")));
    }
}
