package kvlab.kv.client;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import kvlab.harness.linearizability.History;
import kvlab.harness.net.SimNetwork;
import kvlab.harness.sim.EventHandle;
import kvlab.harness.sim.Simulation;
import kvlab.kv.Command;
import kvlab.kv.KvResponse;
import kvlab.kv.Op;
import kvlab.kv.Status;

/**
 * A simulated client of the replicated store (6.5840's "clerk"), registered on the network under its
 * own id. Provided code: students do not edit it. No threads: it acts only in simulation events.
 *
 * <p>Contract:
 * <ol>
 *   <li>At most one operation is outstanding ({@link #submit} while busy throws). Operations are
 *       numbered 1, 2, 3...; every retry resends the same {@link Command}, so peers can de-duplicate.
 *   <li>It sends to the node it believes leads. On NOT_LEADER it moves to the hinted leader, or the
 *       next node if there is no hint, after {@value #BACKOFF_MS} ms; when no answer comes within
 *       {@value #TIMEOUT_MS} ms (a lost message, a crashed or partitioned node) it tries the next node.
 *       It never gives up: it retries until an OK comes.
 *   <li>Every operation is recorded in the {@link History}: invoked when submitted, returned when the
 *       OK arrives. An answer for another sequence number (a late answer to an earlier retry) is ignored.
 * </ol>
 */
public final class KvClient {
    /** How long to wait for an answer before trying the next node. */
    public static final long TIMEOUT_MS = 300;
    /** Pause before following a NOT_LEADER answer, so a leaderless cluster is not flooded. */
    public static final long BACKOFF_MS = 20;

    private final Simulation sim;
    private final SimNetwork network;
    private final int id;
    private final List<Integer> servers;
    private final History history;
    private int leader;
    private long seq;
    private Outstanding current;
    private long completed;

    /** The operation in flight, with its history handle, callback and retry timer. */
    private static final class Outstanding {
        final Command command;
        final History.Handle handle;
        final Consumer<String> done;
        EventHandle timer;

        Outstanding(Command command, History.Handle handle, Consumer<String> done) {
            this.command = command;
            this.handle = handle;
            this.done = done;
        }
    }

    /**
     * A client with network id {@code id} (which must not be a server's) that talks to {@code servers}
     * and records into {@code history}; it starts with the server at position {@code id} modulo their
     * number, so that clients spread their first guesses.
     */
    public KvClient(Simulation sim, SimNetwork network, int id, List<Integer> servers, History history) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.network = Objects.requireNonNull(network, "network");
        this.servers = List.copyOf(servers);
        this.history = Objects.requireNonNull(history, "history");
        if (this.servers.isEmpty() || this.servers.contains(id)) {
            throw new IllegalArgumentException("client id " + id + " must differ from the servers " + servers);
        }
        this.id = id;
        this.leader = this.servers.get(Math.floorMod(id, this.servers.size()));
        network.register(id, (from, message) -> onResponse((KvResponse) message));
    }

    /** This client's network id. */
    public int id() {
        return id;
    }

    /** Whether no operation is outstanding. */
    public boolean idle() {
        return current == null;
    }

    /** How many operations completed. */
    public long completed() {
        return completed;
    }

    /**
     * Starts {@code op} on {@code key} ({@code value} for PUT and APPEND, else null); {@code done} gets
     * the result when it completes (for GET the value read, {@code null} = absent; otherwise null).
     *
     * @throws IllegalStateException if an operation is outstanding
     */
    public void submit(Op op, String key, String value, Consumer<String> done) {
        if (current != null) {
            throw new IllegalStateException("client " + id + " already has " + current.command + " outstanding");
        }
        Command command = new Command(id, ++seq, op, key, value);
        current = new Outstanding(command, invoke(command), Objects.requireNonNull(done, "done"));
        send();
    }

    private History.Handle invoke(Command c) {
        return switch (c.op()) {
            case GET -> history.invokeGet(id, sim.now(), c.key());
            case PUT -> history.invokePut(id, sim.now(), c.key(), c.value());
            case APPEND -> history.invokeAppend(id, sim.now(), c.key(), c.value());
            case DELETE -> history.invokeDelete(id, sim.now(), c.key());
        };
    }

    private void send() {
        Outstanding attempt = current;
        network.send(id, leader, attempt.command);
        attempt.timer = sim.schedule(TIMEOUT_MS, "client " + id + " timeout", () -> {
            if (current == attempt) {
                leader = nextServer();
                send();
            }
        });
    }

    private void onResponse(KvResponse r) {
        Outstanding attempt = current;
        if (attempt == null || r.seq() != attempt.command.seq()) {
            return;
        }
        attempt.timer.cancel();
        if (r.status() == Status.NOT_LEADER) {
            leader = r.leaderHint() != 0 && r.leaderHint() != leader && servers.contains(r.leaderHint())
                    ? r.leaderHint() : nextServer();
            attempt.timer = sim.schedule(BACKOFF_MS, "client " + id + " backoff", () -> {
                if (current == attempt) {
                    send();
                }
            });
            return;
        }
        current = null;
        completed++;
        if (attempt.command.op() == Op.GET) {
            history.ok(attempt.handle, sim.now(), r.value());
        } else {
            history.ok(attempt.handle, sim.now());
        }
        attempt.done.accept(r.value());
    }

    private int nextServer() {
        return servers.get((servers.indexOf(leader) + 1) % servers.size());
    }
}
