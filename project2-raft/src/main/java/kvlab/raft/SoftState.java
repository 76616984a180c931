package kvlab.raft;

import java.util.Objects;

/**
 * Volatile state the application may want to watch but need not persist.
 *
 * @param lead the leader this node knows of, or 0
 * @param role this node's role
 */
public record SoftState(long lead, Role role) {
    public SoftState {
        Objects.requireNonNull(role, "role");
    }
}
