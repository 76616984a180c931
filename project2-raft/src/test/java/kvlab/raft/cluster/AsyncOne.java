package kvlab.raft.cluster;

import java.util.OptionalLong;

/**
 * 6.5840's {@code one(command, expectedServers, true)} run as simulation events instead of a blocking
 * call, so that several clients can wait for agreement at once (6.5840 runs them as goroutines). It
 * proposes to some connected leader, polls every {@value #POLL_MS} ms, proposes again when 2 s pass
 * without agreement, and fails the simulation once {@link RaftCluster#AGREEMENT_LIMIT_MS} pass.
 */
final class AsyncOne {
    private static final long POLL_MS = 10;
    private static final long NO_LEADER_PAUSE_MS = 50;
    private static final long RETRY_AFTER_MS = 2_000;

    private final RaftCluster cluster;
    private final String command;
    private final int expectedServers;
    private final long startedAt;
    private long index = -1;
    private long proposedAt;
    private boolean done;

    private AsyncOne(RaftCluster cluster, String command, int expectedServers) {
        this.cluster = cluster;
        this.command = command;
        this.expectedServers = expectedServers;
        this.startedAt = cluster.sim().now();
    }

    /** Starts a client that gets {@code command} agreed by {@code expectedServers} nodes. */
    static AsyncOne start(RaftCluster cluster, String command, int expectedServers) {
        AsyncOne client = new AsyncOne(cluster, command, expectedServers);
        cluster.sim().schedule(0, "client " + command, client::step);
        return client;
    }

    /** Whether the command was agreed. */
    boolean done() {
        return done;
    }

    private void step() {
        long now = cluster.sim().now();
        if (now - startedAt > RaftCluster.AGREEMENT_LIMIT_MS) {
            throw new AssertionError("one(\"" + command + "\") failed to reach agreement on " + expectedServers
                    + " nodes within " + RaftCluster.AGREEMENT_LIMIT_MS + " ms" + cluster.where());
        }
        if (index > 0) {
            RaftCluster.Committed c = cluster.nCommitted(index);
            if (c.count() >= expectedServers && command.equals(c.command())) {
                done = true;
                return;
            }
            if (now - proposedAt < RETRY_AFTER_MS) {
                cluster.sim().schedule(POLL_MS, "client " + command, this::step);
                return;
            }
        }
        OptionalLong proposed = cluster.proposeToSomeLeader(command);
        index = proposed.orElse(-1);
        proposedAt = now;
        cluster.sim().schedule(proposed.isPresent() ? POLL_MS : NO_LEADER_PAUSE_MS, "client " + command, this::step);
    }
}
