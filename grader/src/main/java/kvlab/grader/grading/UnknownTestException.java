package kvlab.grader.grading;

/** A test name that names no graded test; the message suggests close names. A usage error. */
public final class UnknownTestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownTestException(String message) {
        super(message);
    }
}
