package kvlab.txn.e2e;

/** A value a simulated operation delivers later; {@link #get} fails if it has not arrived yet. */
public final class Result<T> {
    private final String what;
    private T value;
    private boolean done;

    Result(String what) {
        this.what = what;
    }

    void complete(T v) {
        if (done) {
            throw new IllegalStateException(what + " completed twice: first " + value + ", then " + v);
        }
        value = v;
        done = true;
    }

    /** Whether the value has arrived. */
    public boolean isDone() {
        return done;
    }

    /** The value. */
    public T get() {
        if (!done) {
            throw new IllegalStateException(what + " has not completed");
        }
        return value;
    }

    @Override
    public String toString() {
        return what + (done ? " = " + value : " (pending)");
    }
}
