package kvlab.kv;

/** What a client {@link Command} does to its key. */
public enum Op {
    /** Reads the value (absent if none). */
    GET,
    /** Sets the value. */
    PUT,
    /** Appends to the value; an absent value counts as the empty string. */
    APPEND,
    /** Makes the value absent. */
    DELETE;

    /** Whether the operation carries a value. */
    public boolean takesValue() {
        return this == PUT || this == APPEND;
    }
}
