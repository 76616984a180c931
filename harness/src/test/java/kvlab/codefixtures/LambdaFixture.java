package kvlab.codefixtures;

import java.util.function.LongSupplier;

/** Reads the wall clock inside a lambda and through a method reference. */
public final class LambdaFixture {
    LongSupplier inLambda() {
        return () -> System.nanoTime(); // violation: lambda
    }

    LongSupplier asReference() {
        return System::currentTimeMillis; // violation: method reference
    }
}
