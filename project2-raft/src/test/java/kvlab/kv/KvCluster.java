package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kvlab.harness.cluster.Cluster;
import kvlab.harness.cluster.NodeFactory;
import kvlab.harness.cluster.NodeState;
import kvlab.harness.cluster.RoleTrace;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.linearizability.CheckOptions;
import kvlab.harness.linearizability.CheckResult;
import kvlab.harness.linearizability.History;
import kvlab.harness.linearizability.LinearizabilityChecker;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.net.SimNetwork;
import kvlab.harness.sim.Simulation;
import kvlab.kv.client.KvClient;
import kvlab.kv.peer.KvPeer;
import kvlab.raft.sim.RaftDisk;

/**
 * A simulated replicated store for the 2B tests: peers {@code 1..n}, clients {@value #FIRST_CLIENT} and
 * up, one {@link History} of every client operation, and the end-of-scenario checks.
 *
 * <p>After every event of every peer, {@link PeerInvariants} checks the Raft invariants its status shows.
 * Every scenario ends with {@link #finish}: heal the network, restart crashed peers, stop the
 * workload, and require every outstanding operation to complete within {@value #LIVENESS_LIMIT_MS} ms of
 * virtual time; then check each client's appends, the whole history's linearizability, and that all
 * peers' stores hold the same values once they applied the same entries.
 */
final class KvCluster {
    static final long TICK_MS = 50;
    static final int FIRST_CLIENT = 100;
    /** Virtual time within which every outstanding operation must complete once the faults heal. */
    static final long LIVENESS_LIMIT_MS = 20_000;

    /**
     * A larger step budget than the default: retries over a lossy network make operations long and
     * overlapping, and an append-only hot key then needs a few million steps to decide.
     */
    private static final CheckOptions CHECK_OPTIONS = CheckOptions.defaults().withMaxStepsPerKey(5_000_000);

    private final Simulation sim;
    private final SimNetwork network;
    private final Cluster<KvServer> cluster;
    private final History history = new History();
    private final List<Workload> workloads = new ArrayList<>();

    private KvCluster(Simulation sim, int servers, NetworkConfig net, NodeFactory<KvServer> factory) {
        this.sim = sim;
        this.network = new SimNetwork(sim, net);
        List<Integer> ids = new ArrayList<>();
        for (int id = 1; id <= servers; id++) {
            ids.add(id);
        }
        this.cluster = Cluster.start(sim, network, ids, TICK_MS,
                observed(factory, new PeerInvariants(sim), new RoleTrace(sim)));
        sim.recordHistory(history);
    }

    /**
     * {@code factory}'s servers, each peer observed after every event it handles: its Raft role and term
     * go to the trace, and {@code invariants} checks its status. The peer itself is untouched.
     */
    private static NodeFactory<KvServer> observed(NodeFactory<KvServer> factory, PeerInvariants invariants,
            RoleTrace roles) {
        return ctx -> {
            Observed server = new Observed(factory.create(ctx), invariants, roles);
            roles.started(ctx.id());
            server.traceRole();
            return server;
        };
    }

    private record Observed(KvServer inner, PeerInvariants invariants, RoleTrace roles) implements KvServer {
        @Override
        public KvPeer peer() {
            return inner.peer();
        }

        @Override
        public void onMessage(int from, Object message) {
            inner.onMessage(from, message);
            afterEvent();
        }

        @Override
        public void onTick() {
            inner.onTick();
            afterEvent();
        }

        private void afterEvent() {
            traceRole();
            invariants.observe(inner.peer());
        }

        void traceRole() {
            var status = inner.peer().status();
            roles.observe(inner.peer().id(), status.role().name(), status.term());
        }
    }

    /** {@code servers} peers on {@code net}, running {@code clients} workload clients over {@code keys}. */
    static KvCluster start(Simulation sim, int servers, NetworkConfig net, int clients, Workload.Keys keys) {
        return start(sim, servers, net, KvServer.standard(), clients, keys);
    }

    /** As above, with servers built by {@code factory} (the framework's broken variants). */
    static KvCluster start(Simulation sim, int servers, NetworkConfig net, NodeFactory<KvServer> factory,
            int clients, Workload.Keys keys) {
        KvCluster c = new KvCluster(sim, servers, net, factory);
        c.addClients(clients, keys, false);
        return c;
    }

    /** Starts {@code clients} more workload clients; read-only ones issue nothing but GETs. */
    void addClients(int clients, Workload.Keys keys, boolean readOnly) {
        for (int i = 0; i < clients; i++) {
            KvClient client = new KvClient(sim, network, FIRST_CLIENT + workloads.size(), cluster.ids(), history);
            Workload w = new Workload(sim, client, keys, readOnly);
            workloads.add(w);
            w.start();
        }
    }

    /** Stops every workload and waits until no operation is outstanding. */
    void quiesce() {
        workloads.forEach(Workload::stop);
        sim.runUntil(() -> workloads.stream().allMatch(w -> w.client().idle()),
                "every outstanding client operation to complete", LIVENESS_LIMIT_MS);
    }

    Simulation sim() {
        return sim;
    }

    SimNetwork network() {
        return network;
    }

    List<Integer> servers() {
        return cluster.ids();
    }

    List<Workload> workloads() {
        return workloads;
    }

    KvPeer peer(int id) {
        return cluster.node(id).peer();
    }

    /** The bytes of Raft state on peer {@code id}'s disk: every generation of its {@link RaftDisk} file. */
    long raftLogBytes(int id) {
        SimDisk disk = cluster.disk(id);
        return disk.files().stream().filter(f -> f.startsWith(RaftDisk.LOG_FILE))
                .mapToLong(f -> disk.read(f).orElseThrow().length).sum();
    }

    void runFor(long ms) {
        sim.runFor(ms);
    }

    /** Operations completed by all clients so far. */
    long completed() {
        return workloads.stream().mapToLong(w -> w.client().completed()).sum();
    }

    /**
     * Partitions the peers into {@code groups}; client {@code k} (0-based) joins group {@code k} modulo
     * the number of groups, so that every group has clients and a minority's clients stall.
     */
    @SafeVarargs
    final void partition(Set<Integer>... groups) {
        List<Set<Integer>> withClients = new ArrayList<>();
        for (Set<Integer> g : groups) {
            withClients.add(new TreeSet<>(g));
        }
        for (int k = 0; k < workloads.size(); k++) {
            withClients.get(k % groups.length).add(workloads.get(k).client().id());
        }
        @SuppressWarnings("unchecked")
        Set<Integer>[] array = withClients.toArray(new Set[0]);
        network.partition(array);
    }

    void crash(int id) {
        cluster.crash(id);
    }

    void restart(int id) {
        cluster.restart(id);
    }

    boolean isUp(int id) {
        return cluster.state(id) == NodeState.UP;
    }

    /** The peer that leads in the highest term among the up peers, or 0 if none leads. */
    int leader() {
        int leader = 0;
        long term = -1;
        for (int id : cluster.ids()) {
            if (isUp(id) && peer(id).status().isLeader() && peer(id).status().term() > term) {
                leader = id;
                term = peer(id).status().term();
            }
        }
        return leader;
    }

    /**
     * The liveness phase and the final checks (see the class comment); the final value of every key is
     * read through a fresh client after the workload stopped, and recorded in the history too.
     */
    void finish() {
        network.healAll();
        for (int id : cluster.ids()) {
            if (cluster.state(id) == NodeState.CRASHED) {
                cluster.restart(id);
            }
        }
        workloads.forEach(Workload::stop);
        sim.runUntil(() -> workloads.stream().allMatch(w -> w.client().idle()),
                "every outstanding client operation to complete after healing", LIVENESS_LIMIT_MS);
        Workload reader = new Workload(sim, new KvClient(sim, network, FIRST_CLIENT + workloads.size(),
                cluster.ids(), history), workloads.get(0).keys(), true);
        reader.readAll();
        sim.runUntil(reader::doneReading, "the final reads of every key", LIVENESS_LIMIT_MS);
        for (Workload w : workloads) {
            w.checkAppends(reader.finalValues());
        }
        assertLinearizable();
        assertReplicasAgree(reader.keys().all());
    }

    /** Once every peer applied the leader's commit index, all stores must hold the same values. */
    private void assertReplicasAgree(List<String> keys) {
        sim.runUntil(this::replicasCaughtUp, "every peer to apply up to the leader's commit index",
                LIVENESS_LIMIT_MS);
        for (String key : keys) {
            Map<Integer, Optional<String>> values = new TreeMap<>();
            for (int id : cluster.ids()) {
                values.put(id, peer(id).store().get(key));
            }
            assertThat(new TreeSet<>(values.values().stream().map(v -> v.orElse("<absent>")).toList()))
                    .as("values of %s on each peer, all at applied index %d: %s", key,
                            peer(cluster.ids().get(0)).appliedIndex(), values)
                    .hasSize(1);
        }
    }

    private boolean replicasCaughtUp() {
        int leader = leader();
        if (leader == 0) {
            return false;
        }
        long commit = peer(leader).status().commit();
        return cluster.ids().stream().allMatch(id -> peer(id).appliedIndex() == commit);
    }

    /** Fails with the checker's explanation unless the history is linearizable. */
    void assertLinearizable() {
        CheckResult result = LinearizabilityChecker.check(history, CHECK_OPTIONS);
        sim.recordVerdict(result);
        assertThat(result.outcome()).as("linearizability of %d client operations:%n%s",
                history.ops().size(), result.describe()).isEqualTo(CheckResult.Outcome.OK);
    }

    History history() {
        return history;
    }
}
