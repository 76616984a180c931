package kvlab.codefixtures;

/** Inspects its own process. */
public final class ProcessHandleFixture {
    Object whoAmI() {
        return ProcessHandle.current().info(); // violation: process handle
    }
}
