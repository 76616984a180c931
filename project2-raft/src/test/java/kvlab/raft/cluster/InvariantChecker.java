package kvlab.raft.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kvlab.harness.sim.Simulation;
import kvlab.raft.Entry;
import kvlab.raft.HardState;
import kvlab.raft.sim.RaftListener;
import kvlab.raft.sim.RaftNode;
import kvlab.raft.sim.RaftStatus;
import kvlab.raft.cluster.InvariantViolation.Invariant;

/**
 * Checks Raft's safety invariants after every simulated event of every node, incrementally, and
 * throws an {@link InvariantViolation} naming the invariant, the nodes, the index and the seed at the
 * first breach. It sees what the nodes persist, apply and report through their "interface for tests".
 *
 * <p>Its model of the world: each node's persisted log and hard state (mirrored from the Readies), the
 * entries applied anywhere (the committed prefix, as far as anybody has applied it), the leader of
 * each term, and each node's highest term and commit index ever observed (kept across restarts).
 * Log matching is checked by induction: every (index, term) pair must carry the same entry and follow
 * an entry of the same term on every node that holds it.
 */
final class InvariantChecker implements RaftListener {
    private record EntryId(long index, long term) {}

    /** The first node seen holding an (index, term), with what it held. */
    private record Origin(int node, long prevTerm, Entry entry) {}

    /** What the checker knows about one node id, across its incarnations. */
    private static final class Track {
        final List<Entry> log = new ArrayList<>();
        HardState hardState = HardState.EMPTY;
        long applied;
        long maxTerm;
        long maxCommit;
        int incarnation;
    }

    private final Simulation sim;
    private final Map<Integer, Track> tracks = new TreeMap<>();
    private final Map<Long, Integer> leaderOfTerm = new TreeMap<>();
    private final List<Entry> committed = new ArrayList<>();
    private final List<Integer> committedFirstBy = new ArrayList<>();
    // Looked up only, never iterated: hash order cannot leak into the run.
    private final Map<EntryId, Origin> origins = new HashMap<>();
    private long observations;

    InvariantChecker(Simulation sim) {
        this.sim = sim;
    }

    /** How many node events were checked. */
    long observations() {
        return observations;
    }

    /** How many log entries have been applied by some node (the known committed prefix). */
    long committedIndex() {
        return committed.size();
    }

    /** The entry applied at {@code index} by the first node that applied it. */
    Optional<Entry> committedAt(long index) {
        return index >= 1 && index <= committed.size() ? Optional.of(committed.get((int) (index - 1))) : Optional.empty();
    }

    /** The leader of every term that had one, by term. */
    Map<Long, Integer> leaders() {
        return new TreeMap<>(leaderOfTerm);
    }

    @Override
    public void started(RaftNode node, HardState hardState, List<Entry> log) {
        started(node.id(), hardState, log);
    }

    @Override
    public void persisted(RaftNode node, Optional<HardState> hardState, List<Entry> entries) {
        persisted(node.id(), hardState, entries);
    }

    @Override
    public void applied(RaftNode node, Entry entry) {
        applied(node.id(), entry);
    }

    @Override
    public void eventDone(RaftNode node) {
        observe(node.id(), node.status());
    }

    /** A new incarnation of {@code node} loaded this state from its disk. */
    void started(int node, HardState loaded, List<Entry> log) {
        Track t = tracks.computeIfAbsent(node, k -> new Track());
        t.incarnation++;
        if (loaded.term() < t.hardState.term()) {
            fail(Invariant.TERM_MONOTONIC, "node " + node + " restarted (incarnation " + t.incarnation + ") with term "
                    + loaded.term() + " but had persisted term " + t.hardState.term());
        }
        if (loaded.commit() < t.hardState.commit()) {
            fail(Invariant.COMMIT_MONOTONIC, "node " + node + " restarted (incarnation " + t.incarnation
                    + ") with commit index " + loaded.commit() + " but had persisted " + t.hardState.commit());
        }
        t.log.clear();
        t.log.addAll(log);
        t.hardState = loaded;
        t.applied = 0;
        checkCommitWithinLog(node, t);
    }

    /** {@code node} made a Ready's hard state and entries durable. */
    void persisted(int node, Optional<HardState> hardState, List<Entry> entries) {
        Track t = track(node);
        long commitBefore = t.hardState.commit();
        for (Entry e : entries) {
            appendToMirror(node, t, e, commitBefore);
        }
        hardState.ifPresent(hs -> persistHardState(node, t, hs));
        checkCommitWithinLog(node, t);
    }

    /** {@code node}'s state machine applied {@code e}. */
    void applied(int node, Entry e) {
        Track t = track(node);
        long i = e.index();
        if (i != t.applied + 1) {
            fail(Invariant.APPLY_IN_ORDER, "node " + node + " applied index " + i + " (" + e + ") right after index "
                    + t.applied + (i <= t.applied ? ": applied twice" : ": skipped " + (t.applied + 1)));
        }
        if (i > t.hardState.commit()) {
            fail(Invariant.APPLY_ONLY_COMMITTED, "node " + node + " applied index " + i + " (" + e
                    + ") but its persisted commit index is " + t.hardState.commit());
        }
        Entry own = i <= t.log.size() ? t.log.get((int) (i - 1)) : null;
        if (!e.equals(own)) {
            fail(Invariant.APPLY_ONLY_COMMITTED, "node " + node + " applied " + e + " at index " + i
                    + " but its persisted log holds " + (own == null ? "nothing" : own) + " there");
        }
        if (i <= committed.size()) {
            Entry first = committed.get((int) (i - 1));
            if (!first.equals(e)) {
                fail(Invariant.STATE_MACHINE_SAFETY, "node " + node + " applied " + e + " at index " + i + " but node "
                        + committedFirstBy.get((int) (i - 1)) + " applied " + first + " there");
            }
        } else {
            committed.add(e);
            committedFirstBy.add(node);
        }
        t.applied = i;
    }

    /** {@code node} finished an event and now reports {@code s}. */
    void observe(int node, RaftStatus s) {
        observations++;
        Track t = track(node);
        if (s.term() < t.maxTerm) {
            fail(Invariant.TERM_MONOTONIC, "node " + node + " (incarnation " + t.incarnation + ") is at term " + s.term()
                    + " but was at term " + t.maxTerm + " before");
        }
        if (s.commit() < t.maxCommit) {
            fail(Invariant.COMMIT_MONOTONIC, "node " + node + " (incarnation " + t.incarnation + ") has commit index "
                    + s.commit() + " but had " + t.maxCommit + " before");
        }
        t.maxTerm = s.term();
        t.maxCommit = s.commit();
        checkPersisted(node, t, s);
        if (s.isLeader()) {
            Integer other = leaderOfTerm.putIfAbsent(s.term(), node);
            if (other == null) {
                checkLeaderCompleteness(node, t, s.term());
            } else if (other != node) {
                fail(Invariant.ELECTION_SAFETY, "nodes " + other + " and " + node + " were both leader in term " + s.term());
            }
        }
    }

    private void checkPersisted(int node, Track t, RaftStatus s) {
        HardState hs = t.hardState;
        if (s.term() != hs.term() || s.vote() != hs.vote() || s.commit() != hs.commit() || s.lastIndex() != t.log.size()) {
            fail(Invariant.STATE_PERSISTED, "node " + node + " has term " + s.term() + ", vote " + s.vote() + ", commit "
                    + s.commit() + " and last index " + s.lastIndex() + " but persisted term " + hs.term() + ", vote "
                    + hs.vote() + ", commit " + hs.commit() + " and last index " + t.log.size());
        }
    }

    private void appendToMirror(int node, Track t, Entry e, long commitBefore) {
        long i = e.index();
        if (i > t.log.size() + 1) {
            fail(Invariant.LOG_CONTIGUOUS, "node " + node + " persisted " + e + " at index " + i
                    + " but its log ends at index " + t.log.size());
        }
        if (i <= commitBefore && !t.log.get((int) (i - 1)).equals(e)) {
            fail(Invariant.COMMITTED_NEVER_CHANGE, "node " + node + " replaced its committed entry "
                    + t.log.get((int) (i - 1)) + " at index " + i + " (commit index " + commitBefore + ") by " + e);
        }
        t.log.subList((int) (i - 1), t.log.size()).clear();
        long prevTerm = t.log.isEmpty() ? 0 : t.log.get(t.log.size() - 1).term();
        checkLogMatching(node, e, prevTerm);
        t.log.add(e);
    }

    private void checkLogMatching(int node, Entry e, long prevTerm) {
        Origin origin = origins.putIfAbsent(new EntryId(e.index(), e.term()), new Origin(node, prevTerm, e));
        if (origin == null) {
            return;
        }
        if (!origin.entry().equals(e)) {
            fail(Invariant.LOG_MATCHING, "nodes " + origin.node() + " and " + node + " both hold index " + e.index()
                    + " in term " + e.term() + " with different entries: " + origin.entry() + " vs " + e);
        }
        if (origin.prevTerm() != prevTerm) {
            fail(Invariant.LOG_MATCHING, "nodes " + origin.node() + " and " + node + " both hold " + e + " but their"
                    + " entries at index " + (e.index() - 1) + " have terms " + origin.prevTerm() + " and " + prevTerm);
        }
    }

    private void persistHardState(int node, Track t, HardState hs) {
        HardState before = t.hardState;
        if (hs.term() < before.term()) {
            fail(Invariant.TERM_MONOTONIC, "node " + node + " persisted term " + hs.term() + " after term " + before.term());
        }
        if (hs.term() == before.term() && before.vote() != 0 && hs.vote() != before.vote()) {
            fail(Invariant.ONE_VOTE_PER_TERM, "node " + node + " voted for node " + before.vote() + " and then for node "
                    + hs.vote() + " in term " + hs.term());
        }
        if (hs.commit() < before.commit()) {
            fail(Invariant.COMMIT_MONOTONIC, "node " + node + " persisted commit index " + hs.commit() + " after "
                    + before.commit());
        }
        t.hardState = hs;
    }

    private void checkCommitWithinLog(int node, Track t) {
        if (t.hardState.commit() > t.log.size()) {
            fail(Invariant.COMMIT_WITHIN_LOG, "node " + node + " has commit index " + t.hardState.commit()
                    + " but its persisted log ends at index " + t.log.size());
        }
    }

    private void checkLeaderCompleteness(int node, Track t, long term) {
        for (int i = 0; i < committed.size(); i++) {
            Entry c = committed.get(i);
            if (i >= t.log.size() || t.log.get(i).term() != c.term()) {
                fail(Invariant.LEADER_COMPLETENESS, "node " + node + " became leader of term " + term
                        + " but its log lacks committed entry " + c + " at index " + (i + 1) + " (it holds "
                        + (i < t.log.size() ? t.log.get(i) : "nothing") + " there)");
            }
        }
    }

    private Track track(int node) {
        Track t = tracks.get(node);
        if (t == null) {
            throw new IllegalStateException("node " + node + " reported an event before it started");
        }
        return t;
    }

    private void fail(Invariant invariant, String detail) {
        throw new InvariantViolation(invariant, detail, "at virtual time " + sim.now() + " ms; " + sim.replayHint());
    }
}
