package kvlab.kv.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
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
    private record Pending(long term, Command command) {}

    private final NavigableMap<Long, Pending> byIndex = new TreeMap<>();

    /** Records that {@code command} was proposed as the entry at {@code index} in {@code term}. */
    public void add(long index, long term, Command command) {
        Objects.requireNonNull(command, "command");
        byIndex.put(index, new Pending(term, command));
    }

    /**
     * The answer to the proposal at {@code applied.index()}, if there is one (see rule 2).
     *
     * @param value what applying the entry returned (the value a GET read)
     */
    public Optional<KvResponse> complete(Entry applied, String value) {
        Pending p = byIndex.remove(applied.index());
        if (p == null) {
            return Optional.empty();
        }
        if (p.term() != applied.term()) {
            return Optional.of(KvResponse.notLeader(p.command(), 0));
        }
        return Optional.of(KvResponse.ok(p.command(), value));
    }

    /** Answers every open proposal NOT_LEADER with {@code leaderHint} (0 = unknown), in index order. */
    public List<KvResponse> failAll(int leaderHint) {
        List<KvResponse> answers = new ArrayList<>();
        byIndex.values().forEach(p -> answers.add(KvResponse.notLeader(p.command(), leaderHint)));
        byIndex.clear();
        return answers;
    }
}
