package kvlab.kv;

/** How a peer answered a {@link Command}. */
public enum Status {
    /** The command took effect (exactly once) and the response carries its result. */
    OK,
    /**
     * This peer cannot serve the command: it is not the leader, or it lost leadership (or its term
     * changed) before the command's entry applied. The command may still take effect later; the
     * client retries it with the same sequence number, and de-duplication keeps it exactly once.
     */
    NOT_LEADER
}
