package kvlab.codefixtures;

import java.util.Random;

/** Breaks rules in a nested class and in an anonymous one. */
public final class NestedFixture {
    static final class Sleeper {
        void nap() throws InterruptedException {
            Thread.sleep(10); // violation: nested
        }
    }

    Runnable anonymous() {
        return new Runnable() {
            @Override
            public void run() {
                new Random().nextLong(); // violation: anonymous
            }
        };
    }
}
