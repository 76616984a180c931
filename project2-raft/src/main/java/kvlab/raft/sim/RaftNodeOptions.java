package kvlab.raft.sim;

import java.util.List;
import java.util.random.RandomGenerator;
import kvlab.raft.Config;

/**
 * The Raft settings every node of a simulated cluster shares; {@link #config} turns them into one
 * node's {@link Config}.
 *
 * @param electionTick see {@link Config#electionTick()}
 * @param heartbeatTick see {@link Config#heartbeatTick()}
 * @param preVote see {@link Config#preVote()}
 * @param checkQuorum see {@link Config#checkQuorum()}
 * @param maxSizePerMsg see {@link Config#maxSizePerMsg()}
 * @param maxInflightMsgs see {@link Config#maxInflightMsgs()}
 */
public record RaftNodeOptions(
        int electionTick, int heartbeatTick, boolean preVote, boolean checkQuorum, long maxSizePerMsg,
        int maxInflightMsgs) {

    /**
     * Election tick 20, heartbeat tick 2 (with 50 ms ticks: elections after 1 to 2 s and heartbeats
     * every 100 ms, the pace MIT 6.5840 asks for), pre-vote and check-quorum on, 1 MiB and 256 appends
     * in flight.
     */
    public static RaftNodeOptions defaults() {
        return new RaftNodeOptions(20, 2, true, true, 1 << 20, 256);
    }

    /** These options with pre-vote and check-quorum set. */
    public RaftNodeOptions withPreVoteAndCheckQuorum(boolean preVote, boolean checkQuorum) {
        return new RaftNodeOptions(electionTick, heartbeatTick, preVote, checkQuorum, maxSizePerMsg, maxInflightMsgs);
    }

    /** These options with other flow-control limits. */
    public RaftNodeOptions withLimits(long maxSizePerMsg, int maxInflightMsgs) {
        return new RaftNodeOptions(electionTick, heartbeatTick, preVote, checkQuorum, maxSizePerMsg, maxInflightMsgs);
    }

    /** The config of node {@code id}: {@code applied} 0, since a restarted node re-applies its log. */
    public Config config(long id, List<Long> voters, RandomGenerator random) {
        return Config.of(id, voters, random)
                .withTicks(electionTick, heartbeatTick)
                .withPreVote(preVote)
                .withCheckQuorum(checkQuorum)
                .withLimits(maxSizePerMsg, maxInflightMsgs);
    }
}
