package kvlab.raft.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import kvlab.raft.Entry;
import kvlab.raft.Message;
import kvlab.raft.Message.Append;
import kvlab.raft.Message.AppendResponse;
import kvlab.raft.Message.Beat;
import kvlab.raft.Message.Heartbeat;
import kvlab.raft.Message.HeartbeatResponse;
import kvlab.raft.Message.InstallSnapshot;
import kvlab.raft.Message.Propose;
import kvlab.raft.Message.ReadIndex;
import kvlab.raft.Message.ReadIndexResponse;
import kvlab.raft.ReadState;
import kvlab.raft.Snapshot;
import kvlab.raft.SnapshotUnavailableException;

/**
 * The leader role of a {@link Raft} node: progress per follower, replication (Raft §5.3), commitment
 * (§5.4.2), heartbeats and check-quorum (thesis §6.2). {@link Raft#becomeLeader()} creates one per
 * term of leadership and installs {@link #step} and {@link #tickHeartbeat} as the role's handlers; the central
 * term rules in {@link Raft#step} run before {@link #step} sees a message. {@link Raft} lends this
 * class what it needs through package-private methods ({@code send}, {@code config}, {@code quorum},
 * {@code addReadState}); add more if you need them.
 *
 * <p>The rules the tests check are listed on {@link Raft}; those that live here: commit by counting
 * only entries of the current term; heartbeats carry {@code min(match, committed)}; a rejected append
 * moves next back using the follower's hint (skip a whole term per round trip); in
 * {@link Progress.State#REPLICATE} keep streaming while the inflight window allows; entries per append
 * limited by {@code maxSizePerMsg} (at least one); peers in ascending id order.
 */
final class Leader {
    private final Raft raft;
    /** Progress per voter, this node included, sorted by id so that broadcasts are deterministic. */
    private final TreeMap<Long, Progress> progress = new TreeMap<>();
    private int heartbeatElapsed;
    /** Ticks since the last quorum check. */
    private int electionElapsed;
    /** Read requests held back until an entry of this term commits (thesis §6.4 step 1). */
    private final List<ReadIndex> deferredReads = new ArrayList<>();
    /** Read requests waiting for a heartbeat quorum, by context, in arrival order (etcd's read_only.go). */
    private final LinkedHashMap<Long, PendingRead> pendingReads = new LinkedHashMap<>();

    /** A read request, the commit index it reads at, and the voters that confirmed leadership for it. */
    private record PendingRead(ReadIndex request, long index, TreeSet<Long> acks) {}

    /** Leadership of {@code raft}'s current term: every follower's next index starts after the log. */
    Leader(Raft raft) {
        this.raft = raft;
        long next = raft.raftLog().lastIndex() + 1;
        for (long peer : raft.peers()) {
            progress.put(peer, new Progress(next, raft.config().maxInflightMsgs()));
        }
        progress.get(raft.id()).maybeUpdate(next - 1);
    }

    /** The progress of voter {@code peer}; {@link IllegalArgumentException} for a non-voter. */
    Progress progress(long peer) {
        Progress pr = progress.get(peer);
        if (pr == null) {
            throw new IllegalArgumentException(peer + " is not a voter; voters are " + raft.peers());
        }
        return pr;
    }

    /** A heartbeat every heartbeatTick ticks; with check-quorum, a quorum check every electionTick ticks. */
    void tickHeartbeat() {
        heartbeatElapsed++;
        electionElapsed++;
        if (electionElapsed >= raft.config().electionTick()) {
            electionElapsed = 0;
            if (raft.config().checkQuorum() && !quorumActive()) {
                raft.becomeFollower(raft.term(), Raft.NONE);
                return;
            }
        }
        if (heartbeatElapsed >= raft.config().heartbeatTick()) {
            heartbeatElapsed = 0;
            raft.step(new Beat(raft.id(), raft.id(), 0));
        }
    }

    /** Whether a quorum (this node included) was heard from since the last check; starts a new period. */
    private boolean quorumActive() {
        long active = progress.entrySet().stream()
                .filter(e -> e.getKey() == raft.id() || e.getValue().recentActive()).count();
        progress.forEach((p, pr) -> pr.setRecentActive(p == raft.id()));
        return active >= raft.quorum();
    }

    /** The leader's message handler: Beat, Propose, AppendResponse, HeartbeatResponse, ReadIndex. */
    void step(Message m) {
        if (m instanceof Beat) {
            bcastHeartbeat(0);
        } else if (m instanceof Propose p) {
            appendEntry(new Entry(raft.raftLog().lastIndex() + 1, raft.term(), p.type(), p.data()));
            bcastAppend();
        } else if (m instanceof AppendResponse r) {
            handleAppendResponse(r);
        } else if (m instanceof HeartbeatResponse r) {
            handleHeartbeatResponse(r);
        } else if (m instanceof ReadIndex r) {
            handleReadIndex(r);
        }
        // Transfer requests arrive with Project 3; stale vote answers are ignored.
    }

    /** The follower is alive: it may be sent to again, and a follower that lags behind is probed. */
    private void handleHeartbeatResponse(HeartbeatResponse r) {
        Progress pr = progress.get(r.from());
        pr.setRecentActive(true);
        pr.onHeartbeatResponse();
        if (pr.state() == Progress.State.SNAPSHOT) {
            // The follower is alive but has not acknowledged the snapshot: it may have been lost.
            pr.becomeProbe();
        }
        if (pr.match() < raft.raftLog().lastIndex()) {
            // Even an empty append probes: its answer tells where a lagging follower's log ends.
            maybeSendAppend(r.from(), true);
        }
        confirmRead(r.from(), r.context());
    }

    /** Raft §5.3: a rejection moves next back (a term per round trip); an acknowledgement may commit. */
    private void handleAppendResponse(AppendResponse r) {
        Progress pr = progress.get(r.from());
        pr.setRecentActive(true);
        if (r.reject()) {
            // Skip the follower's whole conflicting term at once (Raft §5.3, last paragraphs).
            long hint = r.logTerm() > 0 ? raft.raftLog().findConflictByTerm(r.rejectHint(), r.logTerm()) : r.rejectHint();
            if (pr.maybeDecrTo(r.index(), hint)) {
                if (pr.state() == Progress.State.REPLICATE) {
                    pr.becomeProbe();
                }
                maybeSendAppend(r.from(), true);
            }
            return;
        }
        if (!pr.maybeUpdate(r.index())) {
            return;
        }
        if (pr.state() == Progress.State.PROBE
                || (pr.state() == Progress.State.SNAPSHOT && pr.match() >= pr.pendingSnapshot())) {
            pr.becomeReplicate();
        } else {
            pr.freeInflightsTo(r.index());
        }
        if (maybeCommit()) {
            bcastAppend();
        }
        // Stream what is left to this follower, as far as its inflight window allows.
        boolean sent = true;
        while (sent) {
            sent = maybeSendAppend(r.from(), false);
        }
    }

    /** Appends {@code entry} to the leader's own log; a single-node cluster commits it at once. */
    void appendEntry(Entry entry) {
        raft.raftLog().append(List.of(entry));
        progress.get(raft.id()).maybeUpdate(raft.raftLog().lastIndex());
        maybeCommit();
    }

    /**
     * Raft §5.4.2 (rule 10): commits the highest index a quorum of voters holds, only if its entry is
     * from this term; returns whether the commit index moved.
     */
    private boolean maybeCommit() {
        List<Long> matches = new ArrayList<>();
        progress.values().forEach(pr -> matches.add(pr.match()));
        matches.sort(Collections.reverseOrder());
        boolean committed = raft.raftLog().maybeCommit(matches.get(raft.quorum() - 1), raft.term());
        if (committed && !deferredReads.isEmpty()) {
            List<ReadIndex> released = List.copyOf(deferredReads);
            deferredReads.clear();
            released.forEach(this::handleReadIndex);
        }
        return committed;
    }

    /**
     * Thesis §6.4 (rule "Read index"): holds a read back until this term has committed an entry, then
     * reads at the commit index once a heartbeat round carrying its context reaches a quorum.
     */
    private void handleReadIndex(ReadIndex r) {
        RaftLog log = raft.raftLog();
        if (log.term(log.committed()) != raft.term()) {
            deferredReads.add(r);
            return;
        }
        if (raft.quorum() == 1) {
            respondRead(r, log.committed());
            return;
        }
        pendingReads.put(r.context(), new PendingRead(r, log.committed(), new TreeSet<>(List.of(raft.id()))));
        bcastHeartbeat(r.context());
    }

    /** Counts {@code from}'s answer for the read {@code context}; a quorum serves it and every earlier one. */
    private void confirmRead(long from, long context) {
        PendingRead read = pendingReads.get(context);
        if (read == null) {
            return;
        }
        read.acks().add(from);
        if (read.acks().size() < raft.quorum()) {
            return;
        }
        // Leadership confirmed now also holds for the requests that arrived before this one.
        var it = pendingReads.values().iterator();
        boolean done = false;
        while (!done) {
            PendingRead earlier = it.next();
            it.remove();
            respondRead(earlier.request(), earlier.index());
            done = earlier == read;
        }
    }

    private void respondRead(ReadIndex r, long index) {
        if (r.from() == raft.id()) {
            raft.addReadState(new ReadState(index, r.context()));
        } else {
            raft.send(new ReadIndexResponse(raft.id(), r.from(), raft.term(), r.context(), index));
        }
    }

    /** Sends every follower what it lacks, or an empty append that carries the commit index. */
    void bcastAppend() {
        for (long peer : progress.keySet()) {
            if (peer != raft.id()) {
                maybeSendAppend(peer, true);
            }
        }
    }

    /**
     * Sends {@code to} the entries from its next index on (at most {@code maxSizePerMsg} bytes, at least
     * one entry), after the index and term just before them, with the commit index; nothing while its
     * progress is paused, and an append without entries only if {@code sendIfEmpty}.
     *
     * @return whether an append was sent
     */
    private boolean maybeSendAppend(long to, boolean sendIfEmpty) {
        Progress pr = progress.get(to);
        if (pr.isPaused()) {
            return false;
        }
        RaftLog log = raft.raftLog();
        if (pr.next() < log.firstIndex()) {
            return maybeSendSnapshot(to, pr);
        }
        long prevIndex = pr.next() - 1;
        long prevTerm = log.term(prevIndex);
        List<Entry> entries = log.entries(pr.next(), raft.config().maxSizePerMsg());
        if (entries.isEmpty() && !sendIfEmpty) {
            return false;
        }
        raft.send(new Append(raft.id(), to, raft.term(), prevTerm, prevIndex, entries, log.committed()));
        pr.sentAppend(prevIndex + entries.size(), !entries.isEmpty());
        return true;
    }

    /**
     * Raft §7: the follower needs entries compacted away, so it gets the latest snapshot instead, and
     * appends to it pause until it acknowledges. A storage still preparing one is asked again later.
     *
     * @return whether the snapshot was sent
     * @throws IllegalStateException if the log is compacted but the storage has no snapshot
     */
    private boolean maybeSendSnapshot(long to, Progress pr) {
        Snapshot snapshot;
        try {
            snapshot = raft.raftLog().snapshot();
        } catch (SnapshotUnavailableException notYet) {
            return false;
        }
        if (snapshot.isEmpty()) {
            throw new IllegalStateException("node " + raft.id() + ": the log is compacted up to "
                    + (raft.raftLog().firstIndex() - 1) + " but the storage has no snapshot");
        }
        raft.send(new InstallSnapshot(raft.id(), to, raft.term(), snapshot));
        pr.becomeSnapshot(snapshot.metadata().index());
        return true;
    }

    /** Heartbeats to every follower (rule 10: each carries its own commit index); {@code context} names the read being confirmed, or 0. */
    private void bcastHeartbeat(long context) {
        for (var e : progress.entrySet()) {
            if (e.getKey() != raft.id()) {
                // A follower must not learn a commit index beyond what it is known to hold.
                long commit = Math.min(e.getValue().match(), raft.raftLog().committed());
                raft.send(new Heartbeat(raft.id(), e.getKey(), raft.term(), commit, context));
            }
        }
    }
}
