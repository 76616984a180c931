package kvlab.codefixtures;

/** Runs code on the JVM's finalizer thread. */
public final class FinalizerFixture {
    @Override
    @SuppressWarnings("deprecation")
    protected void finalize() {}
}
