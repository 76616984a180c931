package kvlab.raft;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message to or from a Raft node. The kinds form a sealed set: dispatch on them with
 * {@code instanceof} patterns, and a new kind cannot appear unnoticed.
 *
 * <p>Every message names its sender {@code from}, its receiver {@code to} and a {@code term}.
 * <b>Term 0 marks a message without a term</b>: the local inputs ({@link Hup}, {@link Beat}) and the
 * requests an application may hand to any node ({@link Propose}, {@link TransferLeader},
 * {@link ReadIndex}), which keep term 0 when a follower forwards them to its leader. The term rules of
 * Raft §5.1 apply only to messages with a term.
 *
 * <p>Messages are immutable values with a stable {@code toString}: the simulation's trace prints them.
 */
public sealed interface Message {
    /** The sending node. */
    long from();

    /** The receiving node. */
    long to();

    /** The sender's term, or 0 for a message without a term (see above). */
    long term();

    /** Local: "your election timeout elapsed, campaign now". Never sent over the network. */
    record Hup(long from, long to, long term) implements Message {}

    /** Local: "heartbeat interval elapsed": a leader broadcasts {@link Heartbeat}s. Never sent. */
    record Beat(long from, long to, long term) implements Message {}

    /**
     * A proposal of one new log entry. Given to any node; a follower forwards it to its leader, a node
     * that knows no leader drops it ({@link ProposalDroppedException}).
     */
    record Propose(long from, long to, long term, EntryType type, byte[] data) implements Message {
        public Propose {
            Objects.requireNonNull(type, "type");
            data = data.clone();
        }

        /** A copy of the proposed data. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Propose p && from == p.from && to == p.to && term == p.term
                    && type == p.type && Arrays.equals(data, p.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(from, to, term, type.name(), Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "Propose[from=" + from + ", to=" + to + ", term=" + term + ", type=" + type + ", data="
                    + Bytes.show(data) + "]";
        }
    }

    /**
     * AppendEntries (Raft figure 2): the leader's entries following the entry at {@code index} whose
     * term is {@code logTerm}, and the leader's commit index.
     *
     * @param logTerm term of the entry at {@code index} (the paper's prevLogTerm)
     * @param index index of the entry just before {@code entries} (the paper's prevLogIndex)
     * @param entries consecutive entries from {@code index + 1}; may be empty (a probe)
     * @param commit the leader's commit index
     */
    record Append(long from, long to, long term, long logTerm, long index, List<Entry> entries, long commit)
            implements Message {
        public Append {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The answer to an {@link Append}.
     *
     * @param index if accepted: the index of the last entry the follower now knows to match the leader's
     *     log; if rejected: the {@code index} of the rejected append
     * @param reject whether the log consistency check failed
     * @param rejectHint if rejected: a guess at the last index where the logs may match (fast
     *     backtracking: the largest index up to {@code index} whose term is at most the append's
     *     {@code logTerm}, or the follower's last index if that is smaller); else 0
     * @param logTerm if rejected: the term of the follower's entry at {@code rejectHint}; else 0
     */
    record AppendResponse(long from, long to, long term, long index, boolean reject, long rejectHint, long logTerm)
            implements Message {}

    /**
     * RequestVote (Raft §5.2): a candidate asks for a vote in {@code term}.
     *
     * @param lastLogIndex index of the candidate's last log entry
     * @param lastLogTerm term of the candidate's last log entry
     */
    record RequestVote(long from, long to, long term, long lastLogIndex, long lastLogTerm) implements Message {}

    /** The answer to a {@link RequestVote}: {@code reject == false} grants the vote. */
    record RequestVoteResponse(long from, long to, long term, boolean reject) implements Message {}

    /**
     * A pre-vote request (thesis §9.6): "would you vote for me in {@code term}?". {@code term} is the
     * sender's term plus one; the sender has NOT raised its own term, and the receiver changes nothing.
     */
    record PreVote(long from, long to, long term, long lastLogIndex, long lastLogTerm) implements Message {}

    /**
     * The answer to a {@link PreVote}. When granted, {@code term} is the term of the request (so that the
     * pre-candidate can count it); when rejected, the responder's own term.
     */
    record PreVoteResponse(long from, long to, long term, boolean reject) implements Message {}

    /**
     * The leader's heartbeat: it carries no entries, only the commit index, which the leader caps at the
     * receiver's match index so that a follower never commits entries it may not have.
     *
     * @param context a read-index request being confirmed (Project 2B), or 0
     */
    record Heartbeat(long from, long to, long term, long commit, long context) implements Message {}

    /** The answer to a {@link Heartbeat}, echoing its {@code context}. */
    record HeartbeatResponse(long from, long to, long term, long context) implements Message {}

    /** InstallSnapshot (Raft §7): the leader sends a snapshot to a follower that is too far behind. */
    record InstallSnapshot(long from, long to, long term, Snapshot snapshot) implements Message {
        public InstallSnapshot {
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /** A request that the leader hand leadership to {@code transferee} (thesis §3.10; Project 3). */
    record TransferLeader(long from, long to, long term, long transferee) implements Message {}

    /** From a leader handing over leadership: "campaign now, without waiting for a timeout". */
    record TimeoutNow(long from, long to, long term) implements Message {}

    /** A linearizable read request (thesis §6.4; Project 2B), identified by {@code context}. */
    record ReadIndex(long from, long to, long term, long context) implements Message {}

    /** The leader's answer to a forwarded {@link ReadIndex}: the read may be served once {@code index} is applied. */
    record ReadIndexResponse(long from, long to, long term, long context, long index) implements Message {}
}
