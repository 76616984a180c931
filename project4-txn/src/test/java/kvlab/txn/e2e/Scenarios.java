package kvlab.txn.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Optional;
import kvlab.harness.sim.Simulation;
import kvlab.txn.client.PercolatorTxn;
import kvlab.txn.mvcc.Timestamps;
import kvlab.txn.server.CommitResponse;
import kvlab.txn.server.Mutation;
import kvlab.txn.server.PrewriteRequest;
import kvlab.txn.server.PrewriteResponse;
import kvlab.txn.sim.CommitOutcome;
import kvlab.txn.sim.CrashPoint;
import kvlab.txn.sim.Envelope;

/**
 * The end-to-end scenarios, each run by a graded test on the standard setup and by
 * {@code kvlab.txn.broken.BrokenVariantsTest} on broken ones. Each throws an {@link AssertionError}
 * whose message names the anomaly, the transactions, keys and timestamps.
 */
public final class Scenarios {
    static final long LIMIT_MS = 20_000;

    private Scenarios() {}

    /** Hermitage P4: two transactions read x and write x+1; both must not commit (first committer wins). */
    public static void lostUpdate(Simulation sim, TxnCluster.Setup setup) {
        TxnCluster c = TxnCluster.start(sim, setup, 2);
        c.load("x", "10");
        TxnHandle t1 = c.begin(0);
        TxnHandle t2 = c.begin(1);
        Result<Optional<String>> r1 = t1.get("x");
        Result<Optional<String>> r2 = t2.get("x");
        c.await(r1, LIMIT_MS);
        c.await(r2, LIMIT_MS);
        t1.put("x", String.valueOf(Integer.parseInt(r1.get().orElseThrow()) + 1));
        t2.put("x", String.valueOf(Integer.parseInt(r2.get().orElseThrow()) + 1));
        CommitOutcome o1 = c.await(t1.commit(), LIMIT_MS);
        CommitOutcome o2 = c.await(t2.commit(), LIMIT_MS);
        String fin = read(c, "x");
        if (o1 instanceof CommitOutcome.Committed && o2 instanceof CommitOutcome.Committed) {
            throw new AssertionError("lost update on key x: " + t1.describe() + " and " + t2.describe()
                    + " both read x=" + r1.get().orElseThrow() + "/" + r2.get().orElseThrow()
                    + " and both committed x+1 (" + o1 + ", " + o2 + "); x is now " + fin
                    + " instead of 12 (snapshot isolation: the first committer wins, the second must abort)");
        }
        expect(o1 instanceof CommitOutcome.Committed, "the first committer " + t1.describe() + " must commit, ended " + o1);
        expect(fin.equals("11"), "after one increment of x=10 committed, x must be 11, read " + fin);
    }

    /** Hermitage G-single: a reader of x and y must see both before, or both after, a transfer between them. */
    public static void readSkew(Simulation sim, TxnCluster.Setup setup) {
        TxnCluster c = TxnCluster.start(sim, setup, 2);
        c.load("x", "50", "y", "50");
        TxnHandle t1 = c.begin(0);
        String x = c.await(t1.get("x"), LIMIT_MS).orElse("absent");
        TxnHandle t2 = c.begin(1).put("x", "25").put("y", "75");
        CommitOutcome o2 = c.await(t2.commit(), LIMIT_MS);
        expect(o2 instanceof CommitOutcome.Committed, t2.describe() + " (x=25, y=75) must commit, ended " + o2);
        String y = c.await(t1.get("y"), LIMIT_MS).orElse("absent");
        if (!(x.equals("50") && y.equals("50"))) {
            throw new AssertionError("read skew: " + t1.describe() + " read x=" + x + " and y=" + y
                    + " although " + t2.describe() + " changed both at " + o2
                    + " after it started; its snapshot must show x=50, y=50");
        }
        String later = read(c, "x") + "," + read(c, "y");
        expect(later.equals("25,75"), "a transaction started after " + o2 + " must read x,y = 25,75, read " + later);
    }

    /** Hermitage G2-item: write skew is ALLOWED under snapshot isolation; both disjoint writers commit. */
    public static void writeSkew(Simulation sim, TxnCluster.Setup setup) {
        TxnCluster c = TxnCluster.start(sim, setup, 2);
        c.load("x", "1", "y", "1");
        TxnHandle t1 = c.begin(0);
        TxnHandle t2 = c.begin(1);
        List<Result<Optional<String>>> reads = List.of(t1.get("x"), t1.get("y"), t2.get("x"), t2.get("y"));
        reads.forEach(r -> c.await(r, LIMIT_MS));
        expect(reads.stream().allMatch(r -> r.get().equals(Optional.of("1"))), "both must read x=y=1, read " + reads);
        t1.put("x", "0");
        t2.put("y", "0");
        CommitOutcome o1 = c.await(t1.commit(), LIMIT_MS);
        CommitOutcome o2 = c.await(t2.commit(), LIMIT_MS);
        expect(o1 instanceof CommitOutcome.Committed && o2 instanceof CommitOutcome.Committed,
                "write skew is allowed under snapshot isolation: " + t1.describe() + " (writes x) and "
                        + t2.describe() + " (writes y) write disjoint keys and must both commit, ended " + o1 + " and " + o2);
        String fin = read(c, "x") + "," + read(c, "y");
        expect(fin.equals("0,0"), "after both commits x,y must be 0,0 (the write skew SI allows), read " + fin);
    }

    /** The client dies after committing the primary: readers roll the secondaries forward. */
    public static void crashAfterPrimaryCommit(Simulation sim, TxnCluster.Setup setup) {
        TxnCluster c = TxnCluster.start(sim, setup, 2);
        c.load("a", "1", "b", "1", "c", "1");
        TxnHandle t1 = c.begin(0, CrashPoint.AFTER_PRIMARY_COMMIT).put("a", "2").put("b", "2").put("c", "2");
        CommitOutcome o1 = c.await(t1.commit(), LIMIT_MS);
        expect(o1 instanceof CommitOutcome.Stopped, t1.describe() + " must stop at its crash point, ended " + o1);
        c.crashClient(0);
        TxnHandle t2 = c.begin(1);
        List<Result<Optional<String>>> reads = List.of(t2.get("c"), t2.get("b"), t2.get("a"));
        reads.forEach(r -> c.await(r, LIMIT_MS));
        List<String> seen = reads.stream().map(r -> r.get().orElse("absent")).toList();
        if (!seen.equals(List.of("2", "2", "2"))) {
            throw new AssertionError("atomicity: " + t1.describe() + " committed its primary a (then its client crashed),"
                    + " so all of a, b, c are 2 as of any later snapshot, but " + t2.describe()
                    + " read c, b, a = " + seen + ": its secondaries were not rolled forward");
        }
    }

    /**
     * The client dies after prewriting, before committing: after the ttl, readers roll it back; and a
     * late copy of its prewrite must then fail (the rollback record stops it).
     */
    public static void crashBeforePrimaryCommit(Simulation sim, TxnCluster.Setup setup) {
        TxnCluster c = TxnCluster.start(sim, setup, 2);
        c.load("a", "1", "b", "1");
        TxnHandle t1 = c.begin(0, CrashPoint.AFTER_PREWRITE).put("a", "2").put("b", "2");
        CommitOutcome o1 = c.await(t1.commit(), LIMIT_MS);
        expect(o1 instanceof CommitOutcome.Stopped, t1.describe() + " must stop at its crash point, ended " + o1);
        c.crashClient(0);
        long crashedAt = sim.now();
        TxnHandle t2 = c.begin(1);
        List<Result<Optional<String>>> reads = List.of(t2.get("b"), t2.get("a"));
        reads.forEach(r -> c.await(r, LIMIT_MS));
        List<String> seen = reads.stream().map(r -> r.get().orElse("absent")).toList();
        if (!seen.equals(List.of("1", "1"))) {
            throw new AssertionError("atomicity: " + t1.describe() + " never committed its primary a (its client crashed"
                    + " after prewrite), so b, a must read 1, 1 but " + t2.describe() + " read " + seen);
        }
        long expiry = Timestamps.physical(o1.startTs()) + PercolatorTxn.LOCK_TTL_MS;
        expect(sim.now() >= expiry, t2.describe() + " rolled " + t1.describe() + " back and read at " + sim.now()
                + " ms, before its lock's ttl ran out at " + expiry + " ms (the client crashed at " + crashedAt + " ms)");
        latePrewriteIsRefused(c, t1, o1.startTs(), "a");
    }

    /** The answer to the client's commit of the primary is lost: the client resends, and it is committed. */
    public static void commitResponseLost(Simulation sim, TxnCluster.Setup setup) {
        TxnCluster c = TxnCluster.start(sim, setup, 2);
        int[] dropped = {0};
        c.network().addFilter("lose first commit answer", (from, to, message) ->
                message instanceof Envelope.Reply r && r.body() instanceof CommitResponse
                        && dropped[0]++ == 0);
        TxnHandle t1 = c.begin(0).put("k", "v").put("m", "w");
        CommitOutcome o1 = c.await(t1.commit(), LIMIT_MS);
        expect(dropped[0] >= 2, "the test's filter must have lost one commit answer and seen the resent one; saw " + dropped[0]);
        expect(o1 instanceof CommitOutcome.Committed, t1.describe() + " lost its commit answer once; resending the"
                + " idempotent commit must still report it committed, ended " + o1);
        String fin = read(c, "k") + "," + read(c, "m");
        expect(fin.equals("v,w"), "after " + o1 + " a later transaction must read k,m = v,w, read " + fin);
    }

    /** A copy of the rolled-back transaction's prewrite of {@code key}, arriving late, must fail. */
    private static void latePrewriteIsRefused(TxnCluster c, TxnHandle txn, long startTs, String key) {
        PrewriteRequest late = new PrewriteRequest(List.of(new Mutation.Put(key.getBytes(UTF_8), "2".getBytes(UTF_8))),
                key.getBytes(UTF_8), startTs, PercolatorTxn.LOCK_TTL_MS);
        Result<PrewriteResponse> answer = new Result<>("late " + late);
        c.clientNode(1).call(late, response -> answer.complete((PrewriteResponse) response));
        if (c.await(answer, LIMIT_MS).errors().isEmpty()) {
            throw new AssertionError("late prewrite accepted after rollback: " + txn.describe() + " was rolled back on "
                    + key + ", yet a late copy of its prewrite (" + late + ") locked " + key
                    + " again: the rollback left no ROLLBACK record at " + key + "@" + startTs);
        }
    }

    /** Reads {@code key} in a fresh read-only transaction on client 1. */
    static String read(TxnCluster c, String key) {
        TxnHandle reader = c.begin(1);
        String value = c.await(reader.get(key), LIMIT_MS).orElse("absent");
        c.await(reader.commit(), LIMIT_MS);
        return value;
    }

    static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
