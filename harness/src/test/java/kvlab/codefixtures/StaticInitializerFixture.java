package kvlab.codefixtures;

/** Reads the wall clock while its class is initialised. */
public final class StaticInitializerFixture {
    static final long LOADED_AT;

    static {
        LOADED_AT = System.nanoTime(); // violation: clinit
    }

    private StaticInitializerFixture() {}
}
