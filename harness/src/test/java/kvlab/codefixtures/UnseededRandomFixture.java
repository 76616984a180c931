package kvlab.codefixtures;

import java.util.Random;

/** Makes a generator seeded from the clock and the JVM's state. */
public final class UnseededRandomFixture {
    int electionTimeout() {
        return 10 + new Random().nextInt(10); // violation: unseeded random
    }
}
