package kvlab.grader;

/**
 * A failure the grader reports to its user in one message and does not recover from: a course
 * misconfiguration, a forked JVM that cannot start, an unreadable submission. Student mistakes are
 * not exceptions: they are failed tests.
 */
public final class GradingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GradingException(String message) {
        super(message);
    }

    public GradingException(String message, Throwable cause) {
        super(message, cause);
    }
}
