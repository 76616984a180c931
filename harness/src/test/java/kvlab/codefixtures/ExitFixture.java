package kvlab.codefixtures;

/** Ends the JVM, twice over. */
public final class ExitFixture {
    void quit() {
        System.exit(0); // violation: exit
    }

    void halt() {
        Runtime.getRuntime().halt(0); // violation: halt
    }
}
