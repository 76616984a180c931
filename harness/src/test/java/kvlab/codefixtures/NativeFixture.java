package kvlab.codefixtures;

/** Declares a method implemented in native code. */
public final class NativeFixture {
    native long peek(long address);
}
