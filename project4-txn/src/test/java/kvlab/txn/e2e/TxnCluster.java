package kvlab.txn.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kvlab.harness.cluster.Cluster;
import kvlab.harness.cluster.NodeContext;
import kvlab.harness.cluster.SimNode;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.memory.MemoryEngine;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.net.SimNetwork;
import kvlab.harness.sim.Simulation;
import kvlab.txn.client.PercolatorTxn;
import kvlab.txn.server.Latches;
import kvlab.txn.sim.CommitOutcome;
import kvlab.txn.sim.CrashPoint;
import kvlab.txn.sim.Transaction;
import kvlab.txn.sim.TsoNode;
import kvlab.txn.sim.TxnClientNode;
import kvlab.txn.sim.TxnServerNode;
import kvlab.txn.sim.TxnService;

/**
 * The provided driver of the end-to-end tests: an oracle (node 0), a server (node 1) and clients
 * (nodes 10, 11, ...) on one simulated network, and {@link TxnHandle}s that script transactions.
 */
public final class TxnCluster {
    /** The oracle's node id. */
    public static final int ORACLE = 0;
    /** The server's node id. */
    public static final int SERVER = 1;
    /** The first client's node id. */
    public static final int FIRST_CLIENT = 10;

    /** Builds a client transaction (the student's {@link PercolatorTxn}, or a broken copy). */
    @FunctionalInterface
    public interface ClientFactory {
        Transaction begin(TxnClientNode client, long startTs, CrashPoint crashPoint);
    }

    /** Builds the server's commands over its storage and latches ({@link TxnService#over}, or a broken copy). */
    @FunctionalInterface
    public interface ServerFactory {
        TxnService create(Engine storage, Latches latches);
    }

    /**
     * What a scenario runs on: the network, the client implementation, the server's commands (broken
     * ones on purpose, in the framework's own tests) and the server's storage.
     */
    public record Setup(NetworkConfig network, ClientFactory client, ServerFactory server,
                        Function<NodeContext, Engine> storage) {
        /** The real client and server on a reliable network over {@link MemoryEngine}. */
        public static Setup standard() {
            return new Setup(NetworkConfig.reliable(), PercolatorTxn::new, TxnService::over,
                    context -> new MemoryEngine(context.disk()));
        }

        /** This setup on another network. */
        public Setup on(NetworkConfig config) {
            return new Setup(config, client, server, storage);
        }

        /** This setup with another client. */
        public Setup withClient(ClientFactory factory) {
            return new Setup(network, factory, server, storage);
        }

        /** This setup with other server commands. */
        public Setup withServer(ServerFactory factory) {
            return new Setup(network, client, factory, storage);
        }

        /** This setup with another storage for the server. */
        public Setup withStorage(Function<NodeContext, Engine> factory) {
            return new Setup(network, client, server, factory);
        }
    }

    private final Simulation sim;
    private final SimNetwork network;
    private final Cluster<SimNode> cluster;
    private final Setup setup;
    private int transactions;

    private TxnCluster(Simulation sim, Setup setup, int clients) {
        this.sim = sim;
        this.setup = setup;
        this.network = new SimNetwork(sim, setup.network());
        List<Integer> ids = new ArrayList<>(List.of(ORACLE, SERVER));
        for (int i = 0; i < clients; i++) {
            ids.add(FIRST_CLIENT + i);
        }
        this.cluster = Cluster.start(sim, network, ids, 10, this::node);
    }

    /** Starts an oracle, a server and {@code clients} clients. */
    public static TxnCluster start(Simulation sim, Setup setup, int clients) {
        return new TxnCluster(sim, setup, clients);
    }

    private SimNode node(NodeContext context) {
        if (context.id() == ORACLE) {
            return new TsoNode(context);
        } else if (context.id() == SERVER) {
            return new TxnServerNode(context, setup.server().create(setup.storage().apply(context), new Latches()));
        }
        return new TxnClientNode(context, SERVER, ORACLE);
    }

    /** The simulation. */
    public Simulation sim() {
        return sim;
    }

    /** The network. */
    public SimNetwork network() {
        return network;
    }

    /** Begins a transaction on client {@code client} (0-based). */
    public TxnHandle begin(int client) {
        return begin(client, CrashPoint.NONE);
    }

    /** Begins a transaction on client {@code client} that stops its commit at {@code crashPoint}. */
    public TxnHandle begin(int client, CrashPoint crashPoint) {
        String name = "T" + (++transactions) + "@client" + client;
        return new TxnHandle(name, clientNode(client), setup.client(), crashPoint);
    }

    /** The node of client {@code client}, to send it raw calls. */
    public TxnClientNode clientNode(int client) {
        return (TxnClientNode) cluster.node(FIRST_CLIENT + client);
    }

    /** Crashes client {@code client}: its transactions never take another step. */
    public void crashClient(int client) {
        cluster.crash(FIRST_CLIENT + client);
    }

    /** Runs the simulation until {@code result} arrives, for at most {@code limitMs} of virtual time. */
    public <T> T await(Result<T> result, long limitMs) {
        sim.runUntil(result::isDone, result.toString(), limitMs);
        return result.get();
    }

    /** Writes {@code keysAndValues} (k1, v1, k2, v2, ...) in one transaction on client 0 and expects a commit. */
    public void load(String... keysAndValues) {
        TxnHandle txn = begin(0);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            txn.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        CommitOutcome outcome = await(txn.commit(), 5_000);
        if (!(outcome instanceof CommitOutcome.Committed)) {
            throw new AssertionError("loading the initial data failed: " + txn.describe() + " ended " + outcome);
        }
    }
}
