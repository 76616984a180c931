package kvlab.codefixtures;

/** Starts a thread. */
public final class ThreadStartFixture {
    void inBackground(Runnable work) {
        new Thread(work).start(); // violation: thread start
    }
}
