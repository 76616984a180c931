package kvlab.codefixtures;

/** Reads the wall clock. */
public final class WallClockFixture {
    long elapsed(long start) {
        return System.currentTimeMillis() - start; // violation: wall clock
    }
}
