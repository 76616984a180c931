package kvlab.harness.linearizability;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates linearizable histories from a seed, for benchmarks and tests of the checker: clients issue
 * operations against one correct sequential store, each operation takes effect at a random moment
 * between its invocation and its return (so operations of different clients overlap), and about one
 * operation in a hundred never returns (half of those took effect first, half never did).
 *
 * <p>It is a small discrete-event simulation: events run in (virtual time, scheduling order), the only
 * randomness is one {@link SplittableRandom} seeded from the argument, and each client has one
 * operation outstanding at a time, except that it gives up on a lost one after {@link #TIMEOUT} and goes
 * on. PUT and APPEND values are unique, so a read of an old value cannot be explained by a rewrite.
 */
public final class KvHistoryGenerator {
    /** Virtual time a client waits for a lost operation before issuing its next. */
    static final long TIMEOUT = 100;
    private static final int MAX_DELAY = 20;
    private static final int MAX_THINK = 5;

    private final SplittableRandom random;
    private final int operations;
    private final int keys;
    private final History history = new History();
    private final Map<String, String> store = new TreeMap<>();
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            Comparator.comparingLong(Event::time).thenComparingLong(Event::seq));
    private long now;
    private long scheduled;
    private int issued;

    private record Event(long time, long seq, Runnable action) {
    }

    private KvHistoryGenerator(long seed, int operations, int keys) {
        this.random = new SplittableRandom(seed);
        this.operations = operations;
        this.keys = keys;
    }

    /**
     * A linearizable history of exactly {@code operations} operations by {@code clients} clients on
     * keys {@code k0 .. k(keys-1)}; the same arguments always give the same history.
     */
    public static History generate(long seed, int operations, int keys, int clients) {
        if (operations < 0 || keys <= 0 || clients <= 0) {
            throw new IllegalArgumentException("need operations >= 0 and keys, clients > 0");
        }
        KvHistoryGenerator generator = new KvHistoryGenerator(seed, operations, keys);
        for (int c = 0; c < clients; c++) {
            int client = c;
            generator.at(generator.random.nextInt(MAX_THINK + 1), () -> generator.invoke(client));
        }
        while (!generator.queue.isEmpty()) {
            Event next = generator.queue.poll();
            generator.now = next.time();
            next.action().run();
        }
        return generator.history;
    }

    private void at(long time, Runnable action) {
        queue.add(new Event(time, scheduled++, action));
    }

    private void invoke(int client) {
        if (issued == operations) {
            return;
        }
        int n = issued++;
        String key = "k" + random.nextInt(keys);
        int dice = random.nextInt(100);
        Op op;
        if (dice < 50) {
            op = new Op(KvOp.Kind.GET, key, null, null);
        } else if (dice < 75) {
            op = new Op(KvOp.Kind.PUT, key, "p" + n, null);
        } else if (dice < 90) {
            op = new Op(KvOp.Kind.APPEND, key, "a" + n + ";", null);
        } else if (dice < 95) {
            op = new Op(KvOp.Kind.DELETE, key, null, null);
        } else {
            op = new Op(KvOp.Kind.CAS, key, "s" + n, store.get(key));
        }
        History.Handle handle = record(client, op);
        long applyAt = now + 1 + random.nextInt(MAX_DELAY);
        int fate = random.nextInt(200);
        if (fate < 2) {
            // Lost: the client times out; the first kind took effect, the second never reached the store.
            if (fate == 0) {
                at(applyAt, () -> apply(op));
            }
            at(now + TIMEOUT, () -> invoke(client));
            return;
        }
        at(applyAt, () -> {
            String output = apply(op);
            at(now + 1 + random.nextInt(MAX_DELAY), () -> complete(client, handle, op, output));
        });
    }

    /** What to run: an operation before it is recorded (a CAS reads its expected value at invocation). */
    private record Op(KvOp.Kind kind, String key, String value, String expected) {
    }

    private History.Handle record(int client, Op op) {
        return switch (op.kind()) {
            case GET -> history.invokeGet(client, now, op.key());
            case PUT -> history.invokePut(client, now, op.key(), op.value());
            case APPEND -> history.invokeAppend(client, now, op.key(), op.value());
            case DELETE -> history.invokeDelete(client, now, op.key());
            case CAS -> history.invokeCas(client, now, op.key(), op.expected(), op.value());
        };
    }

    /** Runs {@code op} on the sequential store; returns what a GET or CAS found. */
    private String apply(Op op) {
        String found = store.get(op.key());
        switch (op.kind()) {
            case GET -> { }
            case PUT -> store.put(op.key(), op.value());
            case APPEND -> store.put(op.key(), found == null ? op.value() : found + op.value());
            case DELETE -> store.remove(op.key());
            case CAS -> {
                if (Objects.equals(found, op.expected())) {
                    store.put(op.key(), op.value());
                }
            }
        }
        return found;
    }

    private void complete(int client, History.Handle handle, Op op, String output) {
        if (op.kind().observes()) {
            history.ok(handle, now, output);
        } else {
            history.ok(handle, now);
        }
        at(now + random.nextInt(MAX_THINK + 1), () -> invoke(client));
    }
}
