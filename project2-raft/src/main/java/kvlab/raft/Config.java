package kvlab.raft;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How to build one Raft node. Use {@link #of} for the defaults and the {@code withX} methods for the
 * rest; the constructor validates every field.
 *
 * @param id this node's id, {@code > 0}
 * @param peers the ids of all voters INCLUDING this node, or empty to take them from the storage's
 *     {@link ConfState} (a restart); sorted and without duplicates after construction
 * @param electionTick ticks a follower waits without hearing from a leader before it campaigns; the
 *     actual timeout is drawn uniformly from {@code [electionTick, 2 * electionTick)} (Raft §5.2)
 * @param heartbeatTick ticks between a leader's heartbeats; must be less than {@code electionTick}
 * @param random the ONLY source of randomness Raft may use (seeded by the caller, so that a run replays)
 * @param preVote whether to run the pre-vote phase before an election (thesis §9.6)
 * @param checkQuorum whether a leader steps down when it has not heard from a quorum for an election
 *     timeout (thesis §6.2)
 * @param maxSizePerMsg the most entry bytes ({@link Entry#size()}) in one {@link Message.Append}; at
 *     least one entry is always sent
 * @param maxInflightMsgs the most {@link Message.Append}s a leader keeps unacknowledged per follower
 *     while replicating
 * @param applied the last index the application has already applied (a restart), or 0
 */
public record Config(
        long id,
        List<Long> peers,
        int electionTick,
        int heartbeatTick,
        RandomGenerator random,
        boolean preVote,
        boolean checkQuorum,
        long maxSizePerMsg,
        int maxInflightMsgs,
        long applied) {

    public Config {
        Objects.requireNonNull(random, "random");
        peers = peers.stream().sorted().distinct().toList();
        require(id > 0, "id must be > 0, was " + id);
        require(peers.isEmpty() || peers.contains(id), "peers " + peers + " must include this node " + id);
        require(peers.stream().allMatch(p -> p > 0), "peer ids must be > 0: " + peers);
        require(heartbeatTick > 0, "heartbeatTick must be > 0, was " + heartbeatTick);
        require(electionTick > heartbeatTick,
                "electionTick (" + electionTick + ") must be greater than heartbeatTick (" + heartbeatTick + ")");
        require(maxSizePerMsg > 0, "maxSizePerMsg must be > 0, was " + maxSizePerMsg);
        require(maxInflightMsgs > 0, "maxInflightMsgs must be > 0, was " + maxInflightMsgs);
        require(applied >= 0, "applied must be >= 0, was " + applied);
    }

    /**
     * Defaults: election tick 10, heartbeat tick 1, no pre-vote, no check-quorum, 1 MiB per message,
     * 256 messages in flight, nothing applied.
     */
    public static Config of(long id, List<Long> peers, RandomGenerator random) {
        return new Config(id, peers, 10, 1, random, false, false, 1 << 20, 256, 0);
    }

    /** This config with other election and heartbeat ticks. */
    public Config withTicks(int electionTick, int heartbeatTick) {
        return new Config(id, peers, electionTick, heartbeatTick, random, preVote, checkQuorum, maxSizePerMsg,
                maxInflightMsgs, applied);
    }

    /** This config with pre-vote on or off. */
    public Config withPreVote(boolean preVote) {
        return new Config(id, peers, electionTick, heartbeatTick, random, preVote, checkQuorum, maxSizePerMsg,
                maxInflightMsgs, applied);
    }

    /** This config with check-quorum on or off. */
    public Config withCheckQuorum(boolean checkQuorum) {
        return new Config(id, peers, electionTick, heartbeatTick, random, preVote, checkQuorum, maxSizePerMsg,
                maxInflightMsgs, applied);
    }

    /** This config with other flow-control limits. */
    public Config withLimits(long maxSizePerMsg, int maxInflightMsgs) {
        return new Config(id, peers, electionTick, heartbeatTick, random, preVote, checkQuorum, maxSizePerMsg,
                maxInflightMsgs, applied);
    }

    /** This config with another applied index. */
    public Config withApplied(long applied) {
        return new Config(id, peers, electionTick, heartbeatTick, random, preVote, checkQuorum, maxSizePerMsg,
                maxInflightMsgs, applied);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid raft config: " + message);
        }
    }
}
