package kvlab.raft;

import java.util.List;

/**
 * The membership of a Raft group: the ids of its voters, sorted ascending, without duplicates.
 * Project 3 adds membership changes; in Project 2 it never changes.
 *
 * @param voters the voting members
 */
public record ConfState(List<Long> voters) {
    /** No members: the state of storage that was never configured. */
    public static final ConfState EMPTY = new ConfState(List.of());

    public ConfState {
        voters = voters.stream().sorted().distinct().toList();
        if (voters.stream().anyMatch(id -> id <= 0)) {
            throw new IllegalArgumentException("voter ids must be > 0: " + voters);
        }
    }

    /** Whether there are no voters. */
    public boolean isEmpty() {
        return voters.isEmpty();
    }
}
