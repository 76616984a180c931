package kvlab.harness.engine;

/**
 * The storage engine itself failed: an I/O error, corruption, a directory that cannot be opened.
 * Unlike {@link IllegalArgumentException} (a bad request) or {@link IllegalStateException} (use after
 * close), this is not the caller's mistake.
 */
public class EngineException extends RuntimeException {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
