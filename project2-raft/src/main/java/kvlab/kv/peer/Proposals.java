package kvlab.kv.peer;

import java.util.List;
import java.util.Optional;
import kvlab.kv.Command;
import kvlab.kv.KvResponse;
import kvlab.raft.Entry;

/**
 * The commands a leader proposed and has not answered yet, by the log index and term their entries got.
 *
 * <p>Contract:
 * <ol>
 *   <li>{@link #add} is called right after the leader appended the command's entry, with that entry's
 *       index and term.
 *   <li>{@link #complete} is called for every applied entry. The proposal at that index is answered
 *       OK only if the applied entry has the <b>term the proposal got</b>: an entry of another term at
 *       the same index means a new leader overwrote ours (the "re-appearing index" case), so the
 *       proposal is answered NOT_LEADER and its client retries.
 *   <li>{@link #failAll} answers every open proposal NOT_LEADER; the peer calls it when it stops being
 *       leader or its term changes, since it can no longer tell whether those entries will commit.
 * </ol>
 * Each proposal is answered at most once; the answer is returned, and the peer sends it.
 */
public final class Proposals {
    /** Records that {@code command} was proposed as the entry at {@code index} in {@code term}. */
    public void add(long index, long term, Command command) {
        // TODO(2b): remember the proposal. Checked by ProposalsTest#answersTheProposalWhoseEntryApplied.
        throw new UnsupportedOperationException("not implemented: TODO(2b) Proposals.add");
    }

    /**
     * The answer to the proposal at {@code applied.index()}, if there is one (see rule 2).
     *
     * @param value what applying the entry returned (the value a GET read)
     */
    public Optional<KvResponse> complete(Entry applied, String value) {
        // TODO(2b): rule 2 of the class comment. Checked by
        // ProposalsTest#anEntryOfAnotherTermAtTheSameIndexFailsTheProposal.
        throw new UnsupportedOperationException("not implemented: TODO(2b) Proposals.complete");
    }

    /** Answers every open proposal NOT_LEADER with {@code leaderHint} (0 = unknown), in index order. */
    public List<KvResponse> failAll(int leaderHint) {
        // TODO(2b): rule 3. Checked by ProposalsTest#failAllAnswersEveryOpenProposalOnce.
        throw new UnsupportedOperationException("not implemented: TODO(2b) Proposals.failAll");
    }
}
