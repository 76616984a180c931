package kvlab.codefixtures;

/** Looks up a class and a private field by name. */
public final class ReflectionFixture {
    Object peek() throws ReflectiveOperationException {
        Class<?> type = Class.forName("kvlab.grader.fork.ForkMain"); // violation: forName
        return type.getDeclaredField("out"); // violation: getDeclaredField
    }
}
