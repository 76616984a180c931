package kvlab.raft;

/**
 * A proposal was not accepted into any log: the node knows no leader (an election is under way),
 * or it is a leader that is handing over leadership. The caller may retry later. Nothing was changed.
 */
public final class ProposalDroppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProposalDroppedException(String message) {
        super(message);
    }
}
