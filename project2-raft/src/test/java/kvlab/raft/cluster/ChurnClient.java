package kvlab.raft.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One client of 6.5840's churn test, run as simulation events: it proposes a fresh command to every
 * running node (some may think they lead), polls with growing pauses whether the index it got was
 * committed, remembers the command if it was committed there, and starts over, until stopped.
 */
final class ChurnClient {
    private static final long[] POLL_PAUSES_MS = {10, 20, 50, 100, 200};
    /**
     * Pause between commands: 6.5840's clients are slowed by real RPCs; without a pause, simulated
     * clients would fill the log with thousands of entries per virtual second.
     */
    private static final long THINK_MS = 20;

    private final RaftCluster cluster;
    private final int me;
    private final List<String> committed = new ArrayList<>();
    private boolean stopped;
    private int sequence;
    private String command;
    private long index;
    private int polls;

    private ChurnClient(RaftCluster cluster, int me) {
        this.cluster = cluster;
        this.me = me;
    }

    /** Starts client number {@code me}. */
    static ChurnClient start(RaftCluster cluster, int me) {
        ChurnClient client = new ChurnClient(cluster, me);
        client.schedule(0);
        return client;
    }

    /** Stops proposing once the current command is settled. */
    void stop() {
        stopped = true;
    }

    /** The commands this client saw committed at the index it got. */
    List<String> committed() {
        return List.copyOf(committed);
    }

    private void step() {
        if (command == null) {
            proposeNext();
            return;
        }
        RaftCluster.Committed c = cluster.nCommitted(index);
        if (c.count() > 0) {
            if (command.equals(c.command())) {
                committed.add(command);
            }
            command = null;
            schedule(THINK_MS);
        } else if (polls == POLL_PAUSES_MS.length) {
            command = null;
            schedule(THINK_MS);
        } else {
            schedule(POLL_PAUSES_MS[polls++]);
        }
    }

    private void proposeNext() {
        if (stopped) {
            return;
        }
        String next = "client" + me + "-" + sequence++;
        long got = -1;
        for (int id : cluster.ids()) {
            OptionalLong i = cluster.propose(id, next);
            if (i.isPresent()) {
                got = i.getAsLong();
            }
        }
        if (got < 0) {
            schedule(79 + me * 17L);
            return;
        }
        command = next;
        index = got;
        polls = 0;
        schedule(0);
    }

    private void schedule(long delayMs) {
        cluster.sim().schedule(delayMs, "churn client " + me, this::step);
    }
}
