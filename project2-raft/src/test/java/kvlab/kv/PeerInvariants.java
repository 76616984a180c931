package kvlab.kv;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import kvlab.harness.sim.Simulation;
import kvlab.kv.peer.KvPeer;
import kvlab.raft.cluster.InvariantViolation;
import kvlab.raft.cluster.InvariantViolation.Invariant;
import kvlab.raft.sim.RaftStatus;

/**
 * The Raft invariants of part 2A that a store peer's status shows, checked after every event of every
 * peer of a {@link KvCluster} (the 2A checker mirrors whole logs; a peer shows only its
 * {@link KvPeer#status()}, applied and truncated indexes). A breach throws an {@link InvariantViolation}
 * naming the invariant, the peers and the seed.
 *
 * <p>Checked: at most one leader per term; term and commit index never decrease on a peer, across
 * restarts too; the commit index stays within the log; only committed entries are applied; only applied
 * entries are compacted; a peer that becomes leader of term {@code t} holds at least as many entries as
 * any peer had seen committed while at a term up to {@code t} (leader completeness, by length).
 */
final class PeerInvariants {
    private record Track(long term, long commit) {}

    private final Simulation sim;
    private final Map<Integer, Track> tracks = new TreeMap<>();
    private final Map<Long, Integer> leaderOfTerm = new TreeMap<>();
    /** The highest commit index reported by a peer while at each term. */
    private final NavigableMap<Long, Long> maxCommitAtTerm = new TreeMap<>();

    PeerInvariants(Simulation sim) {
        this.sim = sim;
    }

    /** Checks {@code peer} once it handled an event. */
    void observe(KvPeer peer) {
        int id = peer.id();
        RaftStatus s = peer.status();
        Track before = tracks.getOrDefault(id, new Track(0, 0));
        if (s.term() < before.term()) {
            fail(Invariant.TERM_MONOTONIC, "peer " + id + " is at term " + s.term() + " but was at term "
                    + before.term() + " before");
        }
        if (s.commit() < before.commit()) {
            fail(Invariant.COMMIT_MONOTONIC, "peer " + id + " has commit index " + s.commit() + " but had "
                    + before.commit() + " before");
        }
        if (s.commit() > s.lastIndex()) {
            fail(Invariant.COMMIT_WITHIN_LOG, "peer " + id + " has commit index " + s.commit()
                    + " but its log ends at index " + s.lastIndex());
        }
        if (peer.appliedIndex() > s.commit()) {
            fail(Invariant.APPLY_ONLY_COMMITTED, "peer " + id + " applied up to index " + peer.appliedIndex()
                    + " but its commit index is " + s.commit());
        }
        if (peer.truncatedIndex() > peer.appliedIndex()) {
            fail(Invariant.COMPACT_ONLY_APPLIED, "peer " + id + " compacted its log up to index "
                    + peer.truncatedIndex() + " but applied only up to " + peer.appliedIndex());
        }
        tracks.put(id, new Track(s.term(), s.commit()));
        maxCommitAtTerm.merge(s.term(), s.commit(), Math::max);
        if (s.isLeader()) {
            Integer other = leaderOfTerm.putIfAbsent(s.term(), id);
            if (other == null) {
                checkLeaderCompleteness(id, s);
            } else if (other != id) {
                fail(Invariant.ELECTION_SAFETY, "peers " + other + " and " + id + " were both leader in term " + s.term());
            }
        }
    }

    private void checkLeaderCompleteness(int id, RaftStatus s) {
        long committed = maxCommitAtTerm.headMap(s.term(), true).values().stream().mapToLong(Long::longValue)
                .max().orElse(0);
        if (s.lastIndex() < committed) {
            fail(Invariant.LEADER_COMPLETENESS, "peer " + id + " became leader of term " + s.term()
                    + " with a log ending at index " + s.lastIndex() + ", but index " + committed
                    + " was already committed");
        }
    }

    private void fail(Invariant invariant, String detail) {
        throw new InvariantViolation(invariant, detail, "at virtual time " + sim.now() + " ms; " + sim.replayHint());
    }
}
