package kvlab.raft;

import java.util.Objects;

/**
 * What a node restarts from: its persisted {@link HardState} and its membership.
 *
 * @param hardState the last persisted hard state ({@link HardState#EMPTY} for a new node)
 * @param confState the membership ({@link ConfState#EMPTY} if the configuration gives it instead)
 */
public record InitialState(HardState hardState, ConfState confState) {
    public InitialState {
        Objects.requireNonNull(hardState, "hardState");
        Objects.requireNonNull(confState, "confState");
    }
}
