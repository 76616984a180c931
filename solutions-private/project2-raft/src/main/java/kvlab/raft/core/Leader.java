package kvlab.raft.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import kvlab.raft.Entry;
import kvlab.raft.Message;
import kvlab.raft.Message.Append;
import kvlab.raft.Message.AppendResponse;
import kvlab.raft.Message.Beat;
import kvlab.raft.Message.Heartbeat;
import kvlab.raft.Message.HeartbeatResponse;
import kvlab.raft.Message.Propose;

/**
 * The leader role of a {@link Raft} node: progress per follower, replication (Raft §5.3), commitment
 * (§5.4.2), heartbeats and check-quorum (thesis §6.2). {@link Raft#becomeLeader()} creates one per
 * term of leadership and installs {@link #step} and {@link #tick} as the role's handlers; the central
 * term rules in {@link Raft#step} run before {@link #step} sees a message. Give {@link Raft}
 * package-private methods for what this class needs from it (sending a message, the config, the
 * quorum size).
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
    void tick() {
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

    /** The leader's message handler: Beat, Propose, AppendResponse, HeartbeatResponse. */
    void step(Message m) {
        if (m instanceof Beat) {
            bcastHeartbeat();
        } else if (m instanceof Propose p) {
            appendEntry(new Entry(raft.raftLog().lastIndex() + 1, raft.term(), p.type(), p.data()));
            bcastAppend();
        } else if (m instanceof AppendResponse r) {
            handleAppendResponse(r);
        } else if (m instanceof HeartbeatResponse r) {
            Progress pr = progress.get(r.from());
            pr.setRecentActive(true);
            pr.onHeartbeatResponse();
            if (pr.match() < raft.raftLog().lastIndex()) {
                // Even an empty append probes: its answer tells where a lagging follower's log ends.
                sendAppend(r.from(), true);
            }
        }
        // Read-index and transfer requests arrive with Projects 2B and 3; stale vote answers are ignored.
    }

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
                sendAppend(r.from(), true);
            }
            return;
        }
        if (!pr.maybeUpdate(r.index())) {
            return;
        }
        if (pr.state() == Progress.State.PROBE) {
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
            sent = sendAppend(r.from(), false);
        }
    }

    /** Appends {@code entry} to the leader's own log; a single-node cluster commits it at once. */
    void appendEntry(Entry entry) {
        raft.raftLog().append(List.of(entry));
        progress.get(raft.id()).maybeUpdate(raft.raftLog().lastIndex());
        maybeCommit();
    }

    /** Raft §5.4.2: commit the quorum-replicated index only if its entry is from this term. */
    private boolean maybeCommit() {
        List<Long> matches = new ArrayList<>();
        progress.values().forEach(pr -> matches.add(pr.match()));
        matches.sort(Collections.reverseOrder());
        return raft.raftLog().maybeCommit(matches.get(raft.quorum() - 1), raft.term());
    }

    /** Sends every follower what it lacks, or an empty append that carries the commit index. */
    void bcastAppend() {
        for (long peer : progress.keySet()) {
            if (peer != raft.id()) {
                sendAppend(peer, true);
            }
        }
    }

    /**
     * Sends the entries from the peer's next index on, unless paused; an empty append only if asked.
     *
     * @return whether an append was sent
     */
    private boolean sendAppend(long to, boolean sendIfEmpty) {
        Progress pr = progress.get(to);
        if (pr.isPaused()) {
            return false;
        }
        RaftLog log = raft.raftLog();
        long prevIndex = pr.next() - 1;
        // Project 2C: a prevIndex below the first index (CompactedException) means sending a snapshot.
        long prevTerm = log.term(prevIndex);
        List<Entry> entries = log.entries(pr.next(), raft.config().maxSizePerMsg());
        if (entries.isEmpty() && !sendIfEmpty) {
            return false;
        }
        raft.send(new Append(raft.id(), to, raft.term(), prevTerm, prevIndex, entries, log.committed()));
        pr.sentAppend(prevIndex + entries.size(), !entries.isEmpty());
        return true;
    }

    private void bcastHeartbeat() {
        for (var e : progress.entrySet()) {
            if (e.getKey() != raft.id()) {
                // A follower must not learn a commit index beyond what it is known to hold.
                long commit = Math.min(e.getValue().match(), raft.raftLog().committed());
                raft.send(new Heartbeat(raft.id(), e.getKey(), raft.term(), commit, 0));
            }
        }
    }
}
