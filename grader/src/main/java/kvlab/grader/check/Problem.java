package kvlab.grader.check;

/**
 * One way the course is inconsistent, where it is.
 *
 * @param file path relative to the course root, with {@code /} separators
 * @param line 1-based line, or 0 when the problem is the file as a whole
 * @param message what is wrong, said so that the reader knows what to change
 */
public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
