package kvlab.codefixtures;

/** Draws from the JVM's shared unseeded generator. */
public final class MathRandomFixture {
    boolean coinFlip() {
        return Math.random() < 0.5; // violation: Math.random
    }
}
