package kvlab.codefixtures;

/** Reads the environment. */
public final class EnvironmentFixture {
    String home() {
        return System.getenv("HOME"); // violation: getenv
    }
}
