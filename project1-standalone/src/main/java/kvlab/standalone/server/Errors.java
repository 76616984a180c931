package kvlab.standalone.server;

/** The rule the responses' {@code failure} factories share. */
final class Errors {
    private Errors() {}

    /** An empty error would read as success, so a failure must say something. */
    static String requireMessage(String message) {
        if (message == null || message.isEmpty()) {
            throw new IllegalArgumentException("a failure needs a message");
        }
        return message;
    }
}
