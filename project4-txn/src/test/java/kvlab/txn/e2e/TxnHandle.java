package kvlab.txn.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Consumer;
import kvlab.txn.sim.CommitOutcome;
import kvlab.txn.sim.CrashPoint;
import kvlab.txn.sim.Transaction;
import kvlab.txn.sim.TxnClientNode;

/**
 * A test's script for one transaction on one client: operations queue up and run one after another
 * (keeping {@link Transaction}'s one-at-a-time contract) as the simulation runs; each answers through
 * a {@link Result}. Keys and values are strings.
 */
public final class TxnHandle {
    private final String name;
    private final Queue<Consumer<Runnable>> steps = new ArrayDeque<>();
    private boolean running;
    private Transaction txn;

    TxnHandle(String name, TxnClientNode client, TxnCluster.ClientFactory factory, CrashPoint crashPoint) {
        this.name = name;
        enqueue(next -> client.timestamp(ts -> {
            txn = factory.begin(client, ts, crashPoint);
            next.run();
        }));
    }

    /** The transaction for messages: its name and, once it has begun, its start timestamp. */
    public String describe() {
        return name + (txn == null ? " (not begun)" : " (start " + txn.startTs() + ")");
    }

    /** Reads {@code key}; empty if absent. */
    public Result<Optional<String>> get(String key) {
        Result<Optional<String>> result = new Result<>(name + ".get(" + key + ")");
        enqueue(next -> txn.get(key.getBytes(UTF_8), value -> {
            result.complete(value.map(v -> new String(v, UTF_8)));
            next.run();
        }));
        return result;
    }

    /** Buffers a write. */
    public TxnHandle put(String key, String value) {
        enqueue(next -> {
            txn.put(key.getBytes(UTF_8), value.getBytes(UTF_8));
            next.run();
        });
        return this;
    }

    /** Buffers a delete. */
    public TxnHandle delete(String key) {
        enqueue(next -> {
            txn.delete(key.getBytes(UTF_8));
            next.run();
        });
        return this;
    }

    /** Commits. */
    public Result<CommitOutcome> commit() {
        Result<CommitOutcome> result = new Result<>(name + ".commit()");
        enqueue(next -> txn.commit(outcome -> {
            result.complete(outcome);
            next.run();
        }));
        return result;
    }

    /** Runs {@code action} once the steps queued before it are done (e.g. to queue more steps then). */
    public void then(Runnable action) {
        enqueue(next -> {
            action.run();
            next.run();
        });
    }

    private void enqueue(Consumer<Runnable> step) {
        steps.add(step);
        if (!running) {
            runNext();
        }
    }

    private void runNext() {
        Consumer<Runnable> step = steps.poll();
        running = step != null;
        if (step != null) {
            step.accept(this::runNext);
        }
    }
}
