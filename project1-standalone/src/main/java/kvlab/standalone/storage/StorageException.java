package kvlab.standalone.storage;

/**
 * The storage engine itself failed: an I/O error, corruption, a directory that cannot be opened.
 * Unlike {@link IllegalArgumentException} (a bad request) or {@link IllegalStateException} (use after
 * close), this is not the caller's mistake.
 */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
