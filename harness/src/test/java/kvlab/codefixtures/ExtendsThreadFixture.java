package kvlab.codefixtures;

/** Is a thread. */
public final class ExtendsThreadFixture extends Thread { // violation: implicit super()
    @Override
    public void run() {}
}
